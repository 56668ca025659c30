package com.askkira.safety;

import java.util.Objects;
import java.util.Set;

/**
 * Whether a conversation signals risk of harm now, and to whom. {@code reason} names the kinds of
 * signal that decided it, never the user's words: crisis messages are counted, not stored.
 */
public record CrisisAssessment(boolean crisis, Set<RiskKind> kinds, String reason) {
    public CrisisAssessment {
        kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
        Objects.requireNonNull(reason, "reason");
        if (crisis == kinds.isEmpty()) {
            throw new IllegalArgumentException("a crisis names at least one kind of risk, and only a crisis does");
        }
    }

    public static CrisisAssessment none(String reason) {
        return new CrisisAssessment(false, Set.of(), reason);
    }
}
