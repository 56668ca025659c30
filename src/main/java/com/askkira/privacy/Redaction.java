package com.askkira.privacy;

import java.util.List;
import java.util.Objects;

/**
 * A text with its personal identifiers replaced, and what was replaced, in order. The findings'
 * offsets point into the original text, which this record does not hold.
 */
public record Redaction(String text, List<Finding> findings) {
    public Redaction {
        Objects.requireNonNull(text, "text");
        findings = List.copyOf(findings);
    }

    /** Whether anything was redacted. */
    public boolean changed() {
        return !findings.isEmpty();
    }
}
