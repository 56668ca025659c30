package com.askkira.safety;

import java.util.Objects;
import java.util.Set;

/**
 * Whether a conversation signals risk of harm now, and to whom. {@code reason} names the kinds of
 * signal that decided it, never the user's words: crisis messages are counted, not stored.
 *
 * @param answerToo the crisis leaves room for the reader's question (risk heard in one sentence
 *     only, a message that reads as a joke, or thoughts or self-harm with no plan or time at hand,
 *     told with a question about the rules): help comes first, and the question is answered from
 *     the library after it
 */
public record CrisisAssessment(boolean crisis, Set<RiskKind> kinds, String reason, boolean answerToo) {
    public CrisisAssessment(boolean crisis, Set<RiskKind> kinds, String reason) {
        this(crisis, kinds, reason, false);
    }

    public CrisisAssessment {
        kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
        Objects.requireNonNull(reason, "reason");
        if (crisis == kinds.isEmpty()) {
            throw new IllegalArgumentException("a crisis names at least one kind of risk, and only a crisis does");
        }
        if (answerToo && !crisis) {
            throw new IllegalArgumentException("only a crisis leads an answer with help");
        }
    }

    public static CrisisAssessment none(String reason) {
        return new CrisisAssessment(false, Set.of(), reason);
    }
}
