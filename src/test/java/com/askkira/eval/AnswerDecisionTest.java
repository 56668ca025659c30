package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.answer.AnswerDecision;
import com.askkira.answer.AnswerDecision.Outcome;
import com.askkira.answer.LabelledNeighbours;
import com.askkira.eval.AnswerDecisionFit.Scores;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped answer decision ({@code answer/decision.json}, with its labelled neighbours) on
 * labelled sets it was never fitted on: precision and recall of each outcome. They are dev sets for
 * Kira: abstention-holdout and retrieval-holdout guided earlier hand-set rules, and holdout-2's
 * figures were read while the decision's Spanish trade was chosen (session 5), and all three while
 * the gap probe's wording was chosen (session 9: how many fitting questions must use a gram), and
 * an outside probe was rejected on their figures (session 14, {@code docs/tuning.md}). The fit never
 * read any of them.
 */
class AnswerDecisionTest {
    /**
     * The bars on each set (a negative bar is not checked: retrieval-holdout has only answerable
     * questions). {@code AnswerDecisionFit} holds a refit to them too.
     */
    static final List<Bar> BARS = List.of(
            new Bar("/golden/abstention-holdout.json", 0.92, 0.92, 0.90, 0.02),
            new Bar("/golden/abstention-holdout-2.json", 0.70, 0.96, 0.90, 0.02),
            new Bar("retrieval-holdout.json", -1, -1, 0.90, 0.02),
            new Bar("/decision/decision-train-8.json", 0.69, 0.79, 0.84, 0.01));

    /** What the decision must reach on a set it was never fitted on. */
    record Bar(
            String set,
            double minNotCovered,
            double minOutside,
            double minDeclinePrecision,
            double maxAnswerableDeclined) {
        void check(Scores scores) {
            assertThat(scores.answerableDeclined()).isLessThanOrEqualTo(maxAnswerableDeclined);
            if (minNotCovered >= 0) {
                assertThat(scores.recall(Outcome.NOT_COVERED)).isGreaterThanOrEqualTo(minNotCovered);
                assertThat(scores.recall(Outcome.OUT_OF_SCOPE)).isGreaterThanOrEqualTo(minOutside);
                assertThat(scores.precision(Outcome.NOT_COVERED)).isGreaterThanOrEqualTo(minDeclinePrecision);
                assertThat(scores.precision(Outcome.OUT_OF_SCOPE)).isGreaterThanOrEqualTo(minDeclinePrecision);
            }
            assertThat(scores.precision(Outcome.ANSWER)).isGreaterThanOrEqualTo(0.6);
            assertThat(scores.recall(Outcome.ANSWER)).isGreaterThanOrEqualTo(1 - maxAnswerableDeclined);
        }

        @Override
        public String toString() {
            return set;
        }
    }

    private static DecisionData data;
    private static AnswerDecision decision;

    @BeforeAll
    static void load() {
        data = new DecisionData(
                LabelledNeighbours::fromResources,
                (question, retrieval) ->
                        AnswerDecision.fromResources().probe().read(retrieval.searchText(), retrieval.queryVector()));
        decision = AnswerDecision.fromResources();
    }

    @Test
    void should_ship_the_labelled_questions_it_was_fitted_on() throws IOException {
        List<String> fitted = AnswerDecisionFit.FITTED_ON.stream()
                .flatMap(set -> AnswerDecisionFit.labelled(set).questions().stream())
                .map(q -> q.expected() + " " + q.question())
                .toList();
        List<String> shipped = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/answer/decision-examples.json")) {
            new ObjectMapper()
                    .readTree(in)
                    .get("questions")
                    .forEach(q -> shipped.add(
                            q.get("label").asText() + " " + q.get("question").asText()));
        }

        assertThat(shipped).containsExactlyElementsOf(fitted);
    }

    /**
     * Measured when the decision was fitted (session 5), the decision alone: holdout: answer P 0.68 R
     * 1.00, not covered P 1.00 R 0.72, outside P 0.96 R 0.96; holdout-2: answer P 0.64 R 1.00, not
     * covered P 1.00 R 0.53, outside P 0.93 R 0.83; retrieval-holdout: none declined. The hand-set
     * rules it replaced gave not covered R 0.50 and outside R 0.83 on holdout-2. Fitted without the
     * Spanish questions it recalled more gaps (0.84 and 0.53) but declined 22 of the 60 Spanish dev
     * questions. Session 6 (the gap probe, decision-train-2 fitted on, 1 % of refusals): holdout: answer
     * P 0.88 R 1.00, not covered P 0.96 R 0.92, outside P 0.96 R 0.92; holdout-2: answer P 0.71 R
     * 1.00, not covered P 1.00 R 0.70, outside P 0.96 R 0.87; retrieval-holdout: 2 declined of 100.
     * Session 8 (refitted with everyday-dev and decision-train-3, the chunks of session 7): holdout:
     * answer P 0.88 R 1.00, not covered P 0.96 R 0.88, outside P 0.96 R 0.96; holdout-2: answer P
     * 0.77 R 1.00, not covered P 1.00 R 0.63, outside P 0.94 R 1.00; retrieval-holdout: 2 declined of
     * 100. Session 9 (the probe reads the question's wording too; decision-train-4 fitted on; 0.5 % of
     * refusals): holdout: answer P 0.94 R 1.00, not covered P 0.96 R 0.92, outside P 0.96 R 0.96;
     * holdout-2: answer P 0.75 R 1.00, not covered P 1.00 R 0.63, outside P 0.97 R 1.00;
     * retrieval-holdout: none declined. Session 10 (decision-train-6 fitted on, 1 % of refusals; that
     * set, before it was fitted on, had answer P 0.54 R 1.00, not covered P 0.99 R 0.56, outside P 0.97
     * R 0.97): holdout: answer P 1.00 R 1.00, not covered P 1.00 R 0.96, outside P 0.96 R 1.00;
     * holdout-2: answer P 0.83 R 1.00, not covered P 1.00 R 0.73, outside P 0.94 R 1.00;
     * retrieval-holdout: 1 declined of 100. Session 12 (blind sets 4 to 8, five writers' sets, and
     * decision-train-7, a twelfth writer's 240 hard gaps and everyday answerables, fitted on; the
     * shipped decision had given that set answer P 0.60 R 0.98, not covered P 1.00 R 0.52, outside P
     * 0.83 R 0.98 never having seen it): holdout: answer P 1.00 R 1.00, not covered P 0.96 R 0.96,
     * outside P 0.96 R 0.96; holdout-2: answer P 0.86 R 1.00, not covered P 1.00 R 0.80, outside P
     * 0.97 R 1.00; retrieval-holdout: none declined. Those figures (and blind set 10's, through the
     * whole path) were read before the refit was kept, so these three sets are dev sets for that
     * choice. Through the whole answer path, with the relevance check, AbstentionSetTest measures the
     * gaps declined. Session 15: decision-train-8, a writer's 256 questions on the boundary the dev
     * blind sets still fail (outside questions in the library's words, answerable ones sharing those
     * words, gaps beside covered topics), never fitted on: answer P 0.77 R 1.00, not covered P 0.86 R
     * 0.71, outside P 0.99 R 0.80, none declined. Refitted with it, the decision read it no better
     * (outside R 0.78) and lost outside questions on blind sets 4, 5 and 13 (docs/tuning.md), so it
     * is a dev set for that choice, kept as a bar (its gaps' precision, 0.86, under the other sets'
     * 0.90: its answerable questions sit in the gaps' words). The bars ({@link #BARS}) leave a question.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bars")
    void should_decline_what_the_library_does_not_answer_and_answer_the_rest(Bar bar) {
        Scores scores = Scores.of(decision, data.examples(AnswerDecisionFit.labelled(bar.set())));
        System.out.println("Answer decision on " + scores.line(bar.set()));

        bar.check(scores);
    }

    static List<Bar> bars() {
        return BARS;
    }
}
