package com.askkira.pipeline;

/** Milliseconds spent in each step of one answer, to one decimal. */
public record Timings(double retrieve, double generate, double guard, double total) {
    static Timings of(long start, long retrieved, long generated, long guarded) {
        return new Timings(
                ms(retrieved - start), ms(generated - retrieved), ms(guarded - generated), ms(guarded - start));
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
