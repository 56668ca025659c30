package com.askkira.safety;

import com.askkira.retrieval.Turn;
import java.util.List;
import java.util.Set;

/**
 * Whether a conversation signals risk of harm now, by two readers: the pattern detector, which
 * knows framing ("if I told my therapist…" is a question about rules), and the semantic screen,
 * which hears phrasings the patterns never listed. Either is enough: missing a person in crisis
 * costs far more than leading an informational answer with help lines.
 */
public final class CrisisScreen {
    private final CrisisDetector patterns;
    private final SemanticCrisisScreen semantic;

    public CrisisScreen(CrisisDetector patterns, SemanticCrisisScreen semantic) {
        this.patterns = patterns;
        this.semantic = semantic;
    }

    public CrisisAssessment assess(String message, List<Turn> history) {
        CrisisAssessment byPatterns = patterns.assess(message, history);
        if (byPatterns.crisis()) {
            return byPatterns;
        }
        Set<RiskKind> kinds = semantic.screen(message, history);
        return kinds.isEmpty()
                ? byPatterns
                : new CrisisAssessment(true, kinds, "close in meaning to messages from people at risk");
    }

    /** The {@code safety} block of the response for this assessment. */
    public static Safety safety(CrisisAssessment assessment) {
        return assessment.crisis()
                ? new Safety(true, CrisisResources.forKinds(assessment.kinds()))
                : Safety.none();
    }
}
