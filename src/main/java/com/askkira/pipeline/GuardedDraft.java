package com.askkira.pipeline;

import com.askkira.answer.Drafted;
import com.askkira.guard.GuardResult;

/**
 * The answer that may be returned with its checks, the draft (model, degraded) it came from, and
 * the time spent judging it.
 */
record GuardedDraft(GuardResult result, Drafted drafted, long judgingNanos) {}
