package com.askkira.store;

import java.time.LocalDate;
import java.util.Objects;

/** Days from {@code from} to {@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {
    /** Every day a store could hold. */
    public static final DateRange ALL = new DateRange(LocalDate.of(1970, 1, 1), LocalDate.of(9999, 12, 31));

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
