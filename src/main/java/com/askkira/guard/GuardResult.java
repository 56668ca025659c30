package com.askkira.guard;

import com.askkira.answer.ComposedAnswer;
import java.util.List;

/** The answer that may be returned, the verdict, and every check that led to it. */
public record GuardResult(Verdict verdict, List<GuardCheck> checks, ComposedAnswer answer) {
    public GuardResult {
        checks = List.copyOf(checks);
    }
}
