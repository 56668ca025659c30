/**
 * Finding the passages that answer a question: follow-up resolution from history, spelling
 * correction against the library's own words, BM25 and vector rankings fused by reciprocal rank,
 * and one passage per section at the top so the best results are not slices of one paragraph.
 */
package com.askkira.retrieval;
