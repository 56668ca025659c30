package com.askkira.guard;

import com.askkira.answer.ComposedAnswer;
import com.askkira.retrieval.Retrieval;

/** Checks an answer against the passages it was written from, before a reader sees it. */
public interface Guardrail {
    GuardResult check(String question, ComposedAnswer answer, Retrieval retrieval);

    /**
     * Whether this check can judge one sentence by itself, as streaming needs; a check that reads a
     * sentence in the context of the whole answer (the limits rules) is run by {@link SentenceJudge}.
     */
    default boolean judgesOneSentence() {
        return true;
    }
}
