package com.askkira.guard;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the guardrail did: passed the answer as written, revised it, or blocked it for a safe replacement. */
public enum Verdict {
    PASS,
    REVISED,
    BLOCKED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
