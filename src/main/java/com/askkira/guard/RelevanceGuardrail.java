package com.askkira.guard;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.Citation;
import com.askkira.answer.ComposedAnswer;
import com.askkira.answer.Decider;
import com.askkira.answer.SentenceScorer;
import com.askkira.retrieval.Retrieval;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An answer must address the question's own subject, not merely cite a true sentence: the answer
 * decision's coverage model is asked again of only the passages the answer cites, against a
 * threshold calibrated on answers as cited. When those would not answer the question, neither does
 * the answer: it becomes {@code not_covered}, with the nearest sections as
 * related reading. Whichever model wrote the answer, the offline one included.
 */
public final class RelevanceGuardrail implements Guardrail {
    static final String NAME = "relevant";

    private final Decider decider;
    private final SentenceScorer scorer;
    private final AbstentionWriter abstentions;

    public RelevanceGuardrail(Decider decider, SentenceScorer scorer, AbstentionWriter abstentions) {
        this.decider = decider;
        this.scorer = scorer;
        this.abstentions = abstentions;
    }

    @Override
    public GuardResult check(String question, ComposedAnswer answer, Retrieval retrieval) {
        if (answer.abstained()) {
            return pass("abstention cites nothing", answer);
        }
        // An answer checked after the fact (the content team's grounding check) has no question to be near.
        if (retrieval.queryVector().length == 0) {
            return pass("no question to judge against", answer);
        }
        Retrieval asCited = retrieval.onlyPassages(
                answer.citations().stream().map(Citation::chunkId).collect(Collectors.toSet()));
        if (asCited.passages().isEmpty()) {
            return pass("cites no retrieved passage (the citations check judges that)", answer);
        }
        if (decider.addresses(asCited, scorer.score(asCited, asCited.passages().size()))) {
            return pass("the cited passages address the question", answer);
        }
        return new GuardResult(
                Verdict.BLOCKED,
                List.of(new GuardCheck(NAME, false, "the cited passages do not address the question's subject")),
                abstentions.write(AbstainReason.NOT_COVERED, retrieval.passages()));
    }

    private static GuardResult pass(String detail, ComposedAnswer answer) {
        return new GuardResult(Verdict.PASS, List.of(new GuardCheck(NAME, true, detail)), answer);
    }
}
