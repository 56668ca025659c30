package com.askkira.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one answer leaves behind: its day, whether it abstained and why, whether the reader was in
 * crisis, and the sections it cited. {@code question} is the redacted question, kept only when the
 * library did not cover it; otherwise null.
 */
public record AnswerRecord(
        LocalDate date, String answerId, String abstainReason, boolean crisis, List<String> sections, String question) {
    public AnswerRecord {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(answerId, "answerId");
        sections = List.copyOf(sections);
        if (crisis && question != null) {
            throw new IllegalArgumentException("a crisis message is never kept");
        }
    }

    public boolean abstained() {
        return abstainReason != null;
    }
}
