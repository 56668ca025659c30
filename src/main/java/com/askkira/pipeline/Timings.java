package com.askkira.pipeline;

/** Milliseconds spent in each step of one answer, to one decimal. */
public record Timings(double retrieve, double generate, double guard, double total) {
    static Timings of(long start, long retrieved, long generated, long guarded) {
        return new Timings(
                ms(retrieved - start), ms(generated - retrieved), ms(guarded - generated), ms(guarded - start));
    }

    /** Writing and judging interleave sentence by sentence: the judging time is the guard's, the rest the model's. */
    static Timings interleaved(long start, long retrieved, long judgingNanos, long done) {
        long judging = Math.min(judgingNanos, done - retrieved);
        return new Timings(ms(retrieved - start), ms(done - retrieved - judging), ms(judging), ms(done - start));
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
