package com.askkira.pipeline;

import com.askkira.answer.AnswerFixtures;
import com.askkira.answer.AnswerPrompt;
import com.askkira.answer.Answerer;
import com.askkira.answer.CitationLinker;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.guard.CitationsValidGuardrail;
import com.askkira.guard.ConfidentialityLimitsCheck;
import com.askkira.guard.LibraryChecks;
import com.askkira.guard.LimitsGuardrail;
import com.askkira.guard.NoLeakGuardrail;
import com.askkira.guard.SentenceJudge;
import com.askkira.privacy.PiiRedactor;
import java.util.List;

/**
 * Kira's checks without the one that needs the embedding model (grounding): citations valid,
 * confidentiality limits, no leak, in the standard order. Enough to test the policy around them
 * with hand-built passages and no index.
 */
final class LightChecks {
    private LightChecks() {}

    static SentenceJudge judge() {
        ConfidentialityLimitsCheck limits = new ConfidentialityLimitsCheck();
        return new SentenceJudge(
                new LibraryChecks(
                        List.of(
                                new CitationsValidGuardrail(AnswerFixtures.abstentions()),
                                new LimitsGuardrail(limits),
                                new NoLeakGuardrail(
                                        AnswerPrompt.instructions(), new PiiRedactor(), new SentenceSplitter())),
                        AnswerFixtures.abstentions()),
                limits,
                new CitationLinker(new SentenceSplitter()));
    }

    static GuardedDrafter drafting(Answerer offline) {
        return new GuardedDrafter(judge(), offline, AnswerFixtures.abstentions());
    }
}
