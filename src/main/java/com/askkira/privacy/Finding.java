package com.askkira.privacy;

import java.util.Objects;

/**
 * One identifier that was redacted: its kind and where it stood in the original text ([start, end)
 * offsets). The value itself is never kept, so a finding is as safe to log as the redacted text.
 */
public record Finding(PiiKind kind, int start, int end) {
    public Finding {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad finding offsets " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
