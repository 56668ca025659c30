package com.askkira.guard;

/** Tells a request Kira must decline (a diagnosis, advice on the reader's own legal case) from a question about the rules. */
public interface UnsafeRequests {
    /** Whether the question asks for a diagnosis of the reader or advice on their own legal case. */
    boolean asksForDiagnosisOrLegalAdvice(String question);
}
