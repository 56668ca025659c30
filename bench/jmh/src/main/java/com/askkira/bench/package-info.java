/**
 * JMH benchmarks of the answer path's stages (issue 11): the embedding call, the crisis screen,
 * the hybrid search, the extractive answer, the guardrail chain, and the whole path in process.
 * Built only by {@code mvn -Pbench package} and run by {@code bench/jmh.sh}; numbers are printed,
 * never asserted.
 */
package com.askkira.bench;
