package com.askkira.safety;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** One weighted risk pattern from {@code signals.txt}. */
record Signal(String id, Set<RiskKind> kinds, SignalClass signalClass, int weight, Pattern pattern) {
    /** A signal this heavy is enough alone; lighter ones must add up to it. */
    static final int ENOUGH = 3;

    Signal {
        Objects.requireNonNull(id, "id");
        kinds = Set.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException(id + ": no risk kind");
        }
        Objects.requireNonNull(signalClass, "signalClass");
        Objects.requireNonNull(pattern, "pattern");
        if (weight < 1 || weight > 4) {
            throw new IllegalArgumentException(id + ": weight must be 1 to 4, was " + weight);
        }
        if (signalClass == SignalClass.CUE && weight >= ENOUGH) {
            throw new IllegalArgumentException(id + ": a cue is weak alone, so weighs less than " + ENOUGH);
        }
    }
}
