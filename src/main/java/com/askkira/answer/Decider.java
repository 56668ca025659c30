package com.askkira.answer;

import com.askkira.cache.RecentResults;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.TermExtractor;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The answer decision with what it reads: the field's signals, the labelled neighbours, the
 * library's terms, and the gap probe's reading of the question. The offline answerer asks it of
 * everything retrieval found; the relevance check asks it of only the passages an answer cites.
 */
public final class Decider {
    /** Questions remembered: one answer asks twice about its question (the decision, then relevance). */
    private static final int RECENT = 1_024;

    private final AnswerDecision decision;
    private final FieldClassifier field;
    private final LabelledNeighbours neighbours;
    private final TermExtractor terms;
    private final RecentResults<Question, LabelledNeighbours.Shares> shares = new RecentResults<>(RECENT);

    public Decider(AnswerDecision decision, FieldClassifier field, LabelledNeighbours neighbours, TermExtractor terms) {
        this.decision = Objects.requireNonNull(decision, "decision");
        this.field = Objects.requireNonNull(field, "field");
        this.neighbours = Objects.requireNonNull(neighbours, "neighbours");
        this.terms = Objects.requireNonNull(terms, "terms");
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
        float[] vector = retrieval.queryVector();
        return DecisionFeatures.of(
                retrieval,
                sentences,
                field,
                terms::terms,
                shares.get(new Question(vector), question -> neighbours.shares(vector)),
                decision.probe().read(retrieval.searchText(), vector));
    }

    /** A question's vector as a key: equal when its values are. */
    private record Question(float[] vector) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Question q && Arrays.equals(vector, q.vector);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(vector);
        }

        @Override
        public String toString() {
            return "Question[" + vector.length + " dimensions]";
        }
    }
}
