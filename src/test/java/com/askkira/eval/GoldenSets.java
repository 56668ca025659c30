package com.askkira.eval;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The golden sets shipped with the tests, read by file name from {@code /golden/}. */
final class GoldenSets {
    private GoldenSets() {}

    static GoldenSet named(String file) {
        try (var in = GoldenSets.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden set " + file);
            }
            return GoldenSet.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
