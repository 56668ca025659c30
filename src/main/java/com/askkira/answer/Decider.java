package com.askkira.answer;

import com.askkira.language.SpanishGloss;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.TermExtractor;
import java.util.List;
import java.util.Objects;

/**
 * The answer decision with what it reads: the field's signals, the labelled neighbours, the
 * library's terms, and whether the question is in Spanish. The offline answerer asks it of everything retrieval found; the relevance check
 * asks it of only the passages an answer cites.
 */
public record Decider(
        AnswerDecision decision,
        FieldClassifier field,
        LabelledNeighbours neighbours,
        TermExtractor terms,
        SpanishGloss spanish) {
    public Decider {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(neighbours, "neighbours");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(spanish, "spanish");
    }

    /** What to do with the question of {@code retrieval}, given its passages' sentences scored against it. */
    public AnswerDecision.Outcome decide(Retrieval retrieval, List<ScoredSentence> sentences) {
        return decision.decide(features(retrieval, sentences));
    }

    /** Whether an answer citing the passages of {@code asCited} addresses its question. */
    public boolean addresses(Retrieval asCited, List<ScoredSentence> sentences) {
        return decision.addresses(features(asCited, sentences));
    }

    /** The decision's features for the question of {@code retrieval}. */
    public DecisionFeatures features(Retrieval retrieval, List<ScoredSentence> sentences) {
        return DecisionFeatures.of(
                retrieval,
                sentences,
                field,
                terms,
                neighbours.shares(retrieval.queryVector()),
                spanish.isSpanish(retrieval.searchText()));
    }
}
