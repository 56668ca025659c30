package com.askkira.config;

import java.time.Duration;

/**
 * When Kira stops calling a model server that keeps failing, and when it tries it again: the
 * circuit breaker around model calls. None of these numbers was measured against a real outage;
 * each is resilience4j's default, or a choice against it for Kira's traffic (one model call per
 * answer, two on a redraft), with the reason beside it.
 *
 * @param windowCalls how many of the latest model calls the failure rate is taken over
 * @param minimumCalls how many calls the window needs before the rate can open the breaker
 * @param failureRatePercent the share of failed calls (errors, timeouts, stalled streams) that opens it
 * @param openFor how long answers go straight to the offline answerer before a trial call; 0 turns the
 *     breaker off
 * @param trialCalls how many readers' questions are sent to the model to test it once {@code openFor} is over
 */
public record ModelCircuitSettings(
        int windowCalls, int minimumCalls, float failureRatePercent, Duration openFor, int trialCalls) {

    /**
     * resilience4j's default window is 100 calls, sized for services called many times a second;
     * Kira makes a call per answer, so a window of 100 would take minutes of failing answers to
     * fill. 10 is the last few minutes of a quiet site's answers.
     */
    static final int WINDOW_CALLS = 10;

    /**
     * resilience4j's default is 100 (the window). A dead server costs every reader one full model
     * timeout (KIRA_MODEL_TIMEOUT_MS, 30 s by default) before their degraded answer, so the breaker
     * should judge after a handful: 5 readers, not 100.
     */
    static final int MINIMUM_CALLS = 5;

    /** resilience4j's default: more calls failing than not. */
    static final float FAILURE_RATE_PERCENT = 50f;

    /**
     * resilience4j's default is 60 s. 30 s, the default model timeout: a server that restarts
     * (a vLLM or Ollama reload) is back to answering after an outage of that order, and a trial call
     * that fails costs its reader at most one timeout, as an answer did before the breaker opened.
     */
    static final Duration OPEN_FOR = Duration.ofSeconds(30);

    /**
     * resilience4j's default is 10. Each trial is a real reader's question, and a failing trial
     * costs that reader a timeout, so few: 2 (one failure of two is 50 %, which reopens it).
     */
    static final int TRIAL_CALLS = 2;

    public ModelCircuitSettings {
        if (windowCalls < 1 || minimumCalls < 1 || trialCalls < 1) {
            throw new InvalidConfigException("the model circuit's window, minimum and trial calls must be 1 or more");
        }
        if (failureRatePercent <= 0 || failureRatePercent > 100) {
            throw new InvalidConfigException(
                    "the model circuit's failure rate must be over 0 and at most 100 %, was " + failureRatePercent);
        }
        if (openFor.isNegative()) {
            throw new InvalidConfigException(
                    "KIRA_MODEL_BREAKER_OPEN_MS must be 0 (off) or more, was " + openFor.toMillis());
        }
    }

    /** Whether the breaker is on: KIRA_MODEL_BREAKER_OPEN_MS=0 turns it off, and every answer asks the model. */
    public boolean enabled() {
        return !openFor.isZero();
    }

    public static ModelCircuitSettings defaults() {
        return new ModelCircuitSettings(WINDOW_CALLS, MINIMUM_CALLS, FAILURE_RATE_PERCENT, OPEN_FOR, TRIAL_CALLS);
    }

    /** These settings with the breaker open for {@code openFor} (KIRA_MODEL_BREAKER_OPEN_MS). */
    public ModelCircuitSettings openFor(Duration openFor) {
        return new ModelCircuitSettings(windowCalls, minimumCalls, failureRatePercent, openFor, trialCalls);
    }
}
