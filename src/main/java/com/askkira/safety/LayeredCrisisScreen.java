package com.askkira.safety;

import com.askkira.retrieval.Turn;
import java.util.List;
import java.util.Set;

/**
 * Whether a conversation signals risk of harm now, by two readers: the pattern detector, which
 * knows framing ("if I told my therapist…" is a question about rules), and the semantic screen,
 * which hears phrasings the patterns never listed, in the whole conversation and in each sentence
 * alone. Either is enough: missing a person in crisis costs far more than leading an answer with
 * help lines. Where the evidence is weaker (heard in one sentence only, or in a message that reads
 * as a joke, an idiom or the distant past) help still comes first, and the question is answered too.
 */
public final class LayeredCrisisScreen implements CrisisScreen {
    private final CrisisDetector patterns;
    private final SemanticCrisisScreen semantic;

    public LayeredCrisisScreen(CrisisDetector patterns, SemanticCrisisScreen semantic) {
        this.patterns = patterns;
        this.semantic = semantic;
    }

    @Override
    public CrisisAssessment assess(String message, List<Turn> history) {
        CrisisAssessment byPatterns = patterns.assess(message, history);
        if (byPatterns.crisis()) {
            return patterns.discounts(message)
                    ? new CrisisAssessment(true, byPatterns.kinds(), byPatterns.reason(), true)
                    : byPatterns;
        }
        Set<RiskKind> kinds = semantic.screen(message, history);
        if (!kinds.isEmpty()) {
            // A joke or a figure of speech can hide a crisis too, so it is not dismissed: help comes
            // first, and the question is answered as well.
            return new CrisisAssessment(
                    true, kinds, "close in meaning to messages from people at risk", patterns.discounts(message));
        }
        Set<RiskKind> inOneSentence = semantic.screenSentences(message, history, patterns::discounts);
        return inOneSentence.isEmpty()
                ? byPatterns
                : new CrisisAssessment(
                        true, inOneSentence, "one sentence close in meaning to messages from people at risk", true);
    }
}
