package com.askkira.answer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why Kira did not answer: the content team reads {@code NOT_COVERED} as what to write next. */
public enum AbstainReason {
    /** In the library's field, but no document answers it yet. */
    NOT_COVERED,
    /** Outside the library's field altogether. */
    OUT_OF_SCOPE,
    /** A request Kira must not fulfil, such as a diagnosis or individual legal advice. */
    UNSAFE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
