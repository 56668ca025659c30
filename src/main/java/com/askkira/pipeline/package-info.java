/**
 * One question's way through Kira, and the request and response shapes of the public API:
 * {@link com.askkira.pipeline.AnswerPolicy} screens the input, retrieves, and has
 * {@link com.askkira.pipeline.GuardedDrafter} draft and judge the answer (the one retry and
 * fallback policy, streamed or not); {@link com.askkira.pipeline.AnswerService} serves it and
 * counts it for the insights. Knows nothing of HTTP.
 */
package com.askkira.pipeline;
