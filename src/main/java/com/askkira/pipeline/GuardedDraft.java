package com.askkira.pipeline;

import com.askkira.answer.Drafted;
import com.askkira.guard.GuardResult;

/** The answer that may be returned with its checks, and the draft (model, degraded) it came from. */
record GuardedDraft(GuardResult result, Drafted drafted) {}
