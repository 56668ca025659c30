package com.askkira.pipeline;

import java.util.List;

/**
 * The response of POST /v1/grounding: which sentences of an answer the library supports, and where.
 * {@code verdict}, {@code findings} and each support's {@code quote} are additions to the first
 * version's fields, for the content team's workbench.
 */
public record GroundingReport(double score, List<SentenceSupport> sentences) {
    public GroundingReport {
        sentences = List.copyOf(sentences);
    }

    /**
     * One sentence, whether it is supported, the nearest passages with their support, its verdict
     * ({@code supported}, {@code unsupported}, or {@code overstated}: close to a passage but stronger
     * than it, or breaking a confidentiality-limits rule) and the rules it breaks.
     */
    public record SentenceSupport(
            String text, boolean supported, List<Support> support, String verdict, List<Finding> findings) {
        public SentenceSupport {
            support = List.copyOf(support);
            findings = List.copyOf(findings);
        }
    }

    /**
     * A passage and how well it supports the sentence, 0 to 1; {@code quote} is the passage's
     * sentence (or pair of neighbouring sentences) that supports it best, or comes nearest.
     */
    public record Support(String chunkId, String section, double score, String quote) {}

    /** A rule the sentence breaks: a confidentiality-limits rule by its name, or {@code overstatement}. */
    public record Finding(String rule, String detail) {}
}
