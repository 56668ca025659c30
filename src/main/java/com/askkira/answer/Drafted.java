package com.askkira.answer;

import java.util.Objects;

/**
 * An answer with the name of the model that wrote it, and whether it is {@code degraded}: the
 * configured model failed and the offline answerer stood in.
 */
public record Drafted(ComposedAnswer answer, String model, boolean degraded) {
    public Drafted {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(model, "model");
    }
}
