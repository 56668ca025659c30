/**
 * Writing a cited answer from retrieved passages: the answer and citation types, the prompt, the
 * drafters (a streaming model, a blocking one, the offline extractive answerer) and the relevance
 * gate that decides when the library does not answer.
 */
package com.askkira.answer;
