package com.askkira.pipeline;

import com.askkira.config.ModelCircuitSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The circuit breaker around model calls (resilience4j): after repeated failures it opens, and
 * {@link GuardedDrafter} answers offline without calling the model; after {@link
 * ModelCircuitSettings#openFor} a few readers' questions try the model again, and it closes when
 * they are answered. A failure is the model's reply failing to arrive (an HTTP error, a timeout, a
 * stream that stalls or breaks); an answer the guardrail rejects is no failure of the server.
 */
public final class ModelCircuit {
    /** The breaker's state, as /ready and /metrics name it. */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN,
        /** Turned off (KIRA_MODEL_BREAKER_OPEN_MS=0): every answer asks the model. */
        DISABLED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CircuitBreaker breaker;

    public ModelCircuit(ModelCircuitSettings settings) {
        this.breaker = CircuitBreaker.of(
                "model",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.windowCalls())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .failureRateThreshold(settings.failureRatePercent())
                        // resilience4j wants a positive wait even for a breaker that is then disabled.
                        .waitDurationInOpenState(settings.enabled() ? settings.openFor() : Duration.ofSeconds(1))
                        .permittedNumberOfCallsInHalfOpenState(settings.trialCalls())
                        .recordExceptions(Throwable.class)
                        .build());
        if (!settings.enabled()) {
            breaker.transitionToDisabledState();
        }
    }

    /** Whether a model call may go ahead now; when it does, its outcome must be reported. */
    boolean tryCall() {
        return breaker.tryAcquirePermission();
    }

    void succeeded(long nanos) {
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(long nanos, Throwable failure) {
        breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    }

    public State state() {
        return switch (breaker.getState()) {
            case CLOSED, METRICS_ONLY -> State.CLOSED;
            case DISABLED -> State.DISABLED;
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
        };
    }
}
