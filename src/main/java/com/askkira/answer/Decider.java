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
    /**
     * Questions remembered: one answer asks twice about its question (the decision, then relevance),
     * and what the labelled neighbours and the gap probe read depends on the question alone.
     */
    private static final int RECENT = 1_024;

    private final AnswerDecision decision;
    private final FieldClassifier field;
    private final LabelledNeighbours neighbours;
    private final TermExtractor terms;
    private final RecentResults<Question, QuestionReading> readings = new RecentResults<>(RECENT);

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
        Question question = new Question(retrieval.searchText(), retrieval.queryVector());
        QuestionReading reading = readings.get(
                question,
                q -> new QuestionReading(
                        neighbours.shares(q.vector()), decision.probe().read(q.text(), q.vector())));
        return DecisionFeatures.of(retrieval, sentences, field, terms::terms, reading.shares(), reading.gapProbe());
    }

    /** What the labelled neighbours and the gap probe read of a question. */
    private record QuestionReading(LabelledNeighbours.Shares shares, double gapProbe) {}

    /** A question's search text and vector as a key: equal when both are. */
    private record Question(String text, float[] vector) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Question q && Objects.equals(text, q.text) && Arrays.equals(vector, q.vector);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(text) + Arrays.hashCode(vector);
        }

        @Override
        public String toString() {
            return "Question[" + vector.length + " dimensions]";
        }
    }
}
