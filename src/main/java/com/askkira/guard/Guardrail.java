package com.askkira.guard;

import com.askkira.answer.ComposedAnswer;
import com.askkira.retrieval.Retrieval;

/** Checks an answer against the passages it was written from, before a reader sees it. */
public interface Guardrail {
    GuardResult check(String question, ComposedAnswer answer, Retrieval retrieval);
}
