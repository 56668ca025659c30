package com.askkira.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One answer as stored: its day and time, why it declined (null when it answered), whether the
 * reader was in crisis, the redacted question (always null for a crisis) and the sections it cited.
 */
public record StoredAnswer(
        String answerId,
        LocalDate day,
        long atMs,
        String abstainReason,
        boolean crisis,
        String question,
        List<String> sections) {
    public StoredAnswer {
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(day, "day");
        sections = List.copyOf(sections);
        if (crisis && question != null) {
            throw new IllegalArgumentException("a crisis message is never stored");
        }
    }
}
