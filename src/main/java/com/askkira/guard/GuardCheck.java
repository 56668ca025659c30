package com.askkira.guard;

import java.util.Collection;

/** One check's finding, as the response reports it. */
public record GuardCheck(String name, boolean passed, String detail) {
    /** Why an answer was rejected, as a redraft is told: each failed check once, with its detail. */
    public static String reasons(Collection<GuardCheck> checks) {
        return String.join(
                "; ",
                checks.stream()
                        .filter(c -> !c.passed())
                        .map(c -> c.name() + " (" + c.detail() + ")")
                        .distinct()
                        .toList());
    }
}
