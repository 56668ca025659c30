package com.askkira.store;

import java.util.Objects;

/** A question a writer added to the golden set: the section that should answer it and its facts (JSON). */
public record GoldenAdditionRow(
        String additionId, long atMs, String question, String expectedSection, String facts, String answerId) {
    public GoldenAdditionRow {
        Objects.requireNonNull(additionId, "additionId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(expectedSection, "expectedSection");
        Objects.requireNonNull(facts, "facts");
    }
}
