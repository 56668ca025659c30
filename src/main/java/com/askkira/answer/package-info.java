/**
 * Composing a cited answer from retrieved passages: the answer and citation types, the relevance
 * gate that decides when the library does not answer, and the offline extractive answerer.
 */
package com.askkira.answer;
