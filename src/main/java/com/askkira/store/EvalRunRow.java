package com.askkira.store;

import java.util.Objects;

/**
 * One run of the golden set: {@code status} is running, done or failed; {@code summary} and
 * {@code results} are JSON written by the evaluation (null while it runs).
 */
public record EvalRunRow(
        String runId, long startedMs, Long finishedMs, String status, int questions, String summary, String results) {
    public EvalRunRow {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
    }
}
