package com.askkira.store;

import java.time.LocalDate;
import java.util.Objects;

/** A reader's one vote on an answer; a down vote keeps the answer's question and the comment, redacted. */
public record StoredVote(String answerId, LocalDate day, long atMs, String rating, String question, String comment) {
    public StoredVote {
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(day, "day");
        if (!rating.equals("up") && !rating.equals("down")) {
            throw new IllegalArgumentException("a rating is up or down, was " + rating);
        }
    }
}
