/**
 * What Kira checks, on the way in and on the way out. In: {@link com.askkira.guard.InputScreen}
 * (redaction, crisis, declined requests). Out: {@link com.askkira.guard.LibraryChecks} (the checks
 * in their one order), judged sentence by sentence by {@link com.askkira.guard.SentenceJudge} and
 * {@link com.askkira.guard.SentenceRelease}; each check reports what it found. The LangChain4j
 * guardrails are adapters over the same two.
 */
package com.askkira.guard;
