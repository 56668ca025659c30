package com.askkira.ops;

/**
 * Whether this replica should be sent readers: its index is open and something can write answers,
 * the model or, while the model's breaker is open, the offline answerer standing in. {@code status}
 * is {@code ready}, {@code degraded} (answering, offline, until the model answers again) or {@code
 * not_ready}; {@code reason} says why when it is not {@code ready}, else null.
 *
 * @param index the index in service
 * @param model the configured model and its breaker
 */
public record Readiness(String status, String reason, Index index, Model model) {
    public static final String READY = "ready";
    public static final String DEGRADED = "degraded";
    public static final String NOT_READY = "not_ready";

    /** Whether readers can be answered: ready, or degraded to the offline answerer. */
    public boolean answering() {
        return !NOT_READY.equals(status);
    }

    /** @param generation the Lucene commit generation searches use; -1 when the index is not open */
    public record Index(boolean open, long generation, int documents, int chunks) {}

    /**
     * @param name the model that writes answers ({@code offline-extractive} when none is configured)
     * @param configured whether a model server is configured (KIRA_MODEL_PROVIDER other than offline)
     * @param breaker the model's circuit breaker: {@code closed}, {@code open} or {@code half_open}
     * @param fallback the answerer that stands in when the model cannot answer
     */
    public record Model(String name, boolean configured, String breaker, String fallback) {}

    /** The verdict from what was observed: the index decides; an open breaker only degrades. */
    public static Readiness of(Index index, Model model) {
        if (!index.open()) {
            return new Readiness(NOT_READY, "the index is not open", index, model);
        }
        if (model.configured() && "open".equals(model.breaker())) {
            return new Readiness(
                    DEGRADED,
                    "the model server failed repeatedly; the offline answerer answers until it recovers",
                    index,
                    model);
        }
        return new Readiness(READY, null, index, model);
    }
}
