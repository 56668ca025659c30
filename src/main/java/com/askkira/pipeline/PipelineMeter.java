package com.askkira.pipeline;

/**
 * What the answer path tells an operator's instruments: how long each stage of an answer took, how
 * each model call went, when the offline answerer stood in, and each answer as returned. One
 * instance is handed to {@link AnswerPolicy}, {@link GuardedDrafter} and {@link AnswerService};
 * the HTTP layer's Prometheus registry implements it ({@code ops.KiraMetrics}).
 */
public interface PipelineMeter {
    /** A meter that records nothing: for a pipeline nobody watches (tests, the tuning sweep). */
    PipelineMeter NONE = new PipelineMeter() {
        @Override
        public void stage(Stage stage, long nanos) {}

        @Override
        public void modelCall(ModelCall outcome) {}

        @Override
        public void fallback(Fallback reason) {}

        @Override
        public void answered(AnswerResponse response) {}
    };

    /** The stages of one answer, in order. */
    enum Stage {
        /** Redaction, the crisis screen, declined requests. */
        SCREEN,
        RETRIEVE,
        /** Writing the answer, the model's or the offline answerer's, less the judging that interleaves with it. */
        DRAFT,
        /** The guardrail's judging, sentence by sentence and whole. */
        GUARD
    }

    /** How one model call went. */
    enum ModelCall {
        ANSWERED,
        FAILED,
        /** Not made: the circuit breaker is open. */
        SHORT_CIRCUITED
    }

    /** Why the offline answerer stood in for the model. */
    enum Fallback {
        MODEL_FAILED,
        BREAKER_OPEN,
        /** The model's attempts were rejected by the guardrail. */
        REJECTED
    }

    void stage(Stage stage, long nanos);

    void modelCall(ModelCall outcome);

    void fallback(Fallback reason);

    /** An answer as returned to the reader: its verdict, abstention, crisis flag (never its text). */
    void answered(AnswerResponse response);
}
