/**
 * Writing a cited answer from retrieved passages: the answer and citation types, the prompt, the
 * drafters (a streaming model, a blocking one, the offline extractive answerer) and the answer
 * decision, learned from labelled questions, that says when the library does not answer
 * ({@link com.askkira.answer.AnswerDecision}, read through {@link com.askkira.answer.Decider}).
 */
package com.askkira.answer;
