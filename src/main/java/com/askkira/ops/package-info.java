/**
 * What operators watch: Prometheus metrics of requests, answer stages, verdicts, abstentions,
 * crisis responses (counts only), model calls, fallbacks, the model's circuit breaker and the
 * index ({@link com.askkira.ops.KiraMetrics}), and readiness ({@link com.askkira.ops.Readiness}).
 * Never a question or an answer's text. Knows nothing of HTTP.
 */
package com.askkira.ops;
