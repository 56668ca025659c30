package com.askkira.guard;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.ComposedAnswer;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs guardrails in order, each on the answer the one before let through, and reports every
 * check. The verdict is the strongest any of them gave; an answer one of them blocks is replaced
 * by a safe one that says Kira cannot answer reliably, and no later guardrail sees it.
 */
public final class GuardrailChain implements Guardrail {
    private final List<Guardrail> guardrails;
    private final AbstentionWriter abstentions;

    public GuardrailChain(List<Guardrail> guardrails, AbstentionWriter abstentions) {
        if (guardrails.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one guardrail");
        }
        this.guardrails = List.copyOf(guardrails);
        this.abstentions = abstentions;
    }

    @Override
    public GuardResult check(String question, ComposedAnswer answer, Retrieval retrieval) {
        List<GuardCheck> checks = new ArrayList<>();
        Verdict verdict = Verdict.PASS;
        ComposedAnswer current = answer;
        for (Guardrail guardrail : guardrails) {
            GuardResult result = guardrail.check(question, current, retrieval);
            checks.addAll(result.checks());
            if (result.verdict() == Verdict.BLOCKED) {
                return new GuardResult(
                        Verdict.BLOCKED, checks, abstentions.write(AbstainReason.NOT_COVERED, List.of()));
            }
            if (result.verdict() == Verdict.REVISED) {
                verdict = Verdict.REVISED;
            }
            current = result.answer();
        }
        return new GuardResult(verdict, checks, current);
    }
}
