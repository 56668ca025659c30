package com.askkira.pipeline;

import java.util.List;

/** The response of POST /v1/grounding: which sentences of an answer the library supports, and where. */
public record GroundingReport(double score, List<SentenceSupport> sentences) {
    public GroundingReport {
        sentences = List.copyOf(sentences);
    }

    /** One sentence, whether it is supported, and the nearest passages with their support. */
    public record SentenceSupport(String text, boolean supported, List<Support> support) {
        public SentenceSupport {
            support = List.copyOf(support);
        }
    }

    /** A passage and how well it supports the sentence, 0 to 1. */
    public record Support(String chunkId, String section, double score) {}
}
