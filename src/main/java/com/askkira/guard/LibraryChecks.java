package com.askkira.guard;

import com.askkira.answer.AbstentionWriter;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.language.EnglishReading;
import java.util.List;
import java.util.Objects;

/**
 * Kira's output checks in the one order they run, whichever model wrote the answer and however it
 * is delivered. The order is this list, not a comment: citations first (a sentence citing nothing
 * real is not worth grounding), grounding before relevance (what the answer cites once unsupported
 * sentences are gone must address the question) and before the limits (the limits are judged on the
 * answer that may be returned, since a removed sentence could be the one naming them), no leak last.
 */
public record LibraryChecks(List<Guardrail> inOrder, AbstentionWriter abstentions) {
    public LibraryChecks {
        inOrder = List.copyOf(inOrder);
        Objects.requireNonNull(abstentions, "abstentions");
        if (inOrder.isEmpty()) {
            throw new IllegalArgumentException("at least one check is needed");
        }
    }

    /** The standard checks, wired from their parts. */
    public static LibraryChecks standard(
            AbstentionWriter abstentions,
            SupportJudge support,
            RelevanceGuardrail relevance,
            ConfidentialityLimitsCheck limits,
            NoLeakGuardrail noLeak,
            EnglishReading english) {
        return new LibraryChecks(
                List.of(
                        new CitationsValidGuardrail(abstentions),
                        new GroundedGuardrail(support, new SentenceSplitter(), limits, english),
                        relevance,
                        new LimitsGuardrail(limits),
                        noLeak),
                abstentions);
    }

    /** Every check, run on a whole answer. */
    public GuardrailChain whole() {
        return new GuardrailChain(inOrder, abstentions);
    }

    /** The checks that judge a sentence by itself, in the same order. */
    public GuardrailChain oneSentence() {
        return new GuardrailChain(
                inOrder.stream().filter(Guardrail::judgesOneSentence).toList(), abstentions);
    }
}
