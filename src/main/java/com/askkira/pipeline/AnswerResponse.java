package com.askkira.pipeline;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.Citation;
import com.askkira.answer.RelatedReading;
import com.askkira.guard.GuardCheck;
import com.askkira.guard.Verdict;
import com.askkira.safety.Safety;
import java.util.List;

/** The response of POST /v1/answers, field for field as api-v1.md fixes it. */
public record AnswerResponse(
        String id,
        String answer,
        List<Citation> citations,
        boolean abstained,
        AbstainReason abstainReason,
        List<RelatedReading> related,
        Safety safety,
        Guardrail guardrail,
        String model,
        boolean degraded,
        Timings timingsMs) {

    public AnswerResponse {
        citations = List.copyOf(citations);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** The same response with another answer text (help lines before it, a note after it). */
    AnswerResponse withAnswer(String text) {
        return new AnswerResponse(
                id, text, citations, abstained, abstainReason, related, safety, guardrail, model, degraded, timingsMs);
    }

    /** The {@code guardrail} block: the verdict and each check. */
    public record Guardrail(Verdict verdict, List<GuardCheck> checks) {
        public Guardrail {
            checks = List.copyOf(checks);
        }
    }
}
