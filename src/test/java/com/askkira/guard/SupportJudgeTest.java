package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.index.KiraAnalyzer;
import com.askkira.learn.Logistic;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.TermExtractor;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The support judge as shipped ({@code guard/support-judge.json}), against the support score's fixed
 * bar it replaced in the grounded check. On its fitting sentences (in sample: the cross-validated
 * figures are in the JSON and in docs/tuning.md, session 19) and on the claim sets that chose the
 * bar (never fitted on: each claim judged against the passages retrieval finds for it). The bar read
 * them (SupportScorerTest): recognised 19/20, 58/60, 54/60; passed 2/20, 10/60, 17/60. The judge's
 * first reading, which the floors hold: 18/20, 58/60, 57/60; 2/20, 9/60, 13/60.
 */
class SupportJudgeTest {
    private static SupportScorer scorer;
    private static SupportJudge judge;

    @BeforeAll
    static void load() {
        scorer = new SupportScorer(
                EmbeddingModels.load(EmbeddingModels.BGE_SMALL), new TermExtractor(KiraAnalyzer.forIndexing()));
        judge = SupportJudge.fromResources(scorer);
    }

    @Test
    void should_recognise_more_faithful_sentences_and_release_fewer_flawed_ones_than_the_bar_on_its_fitting_data()
            throws IOException {
        Reading reading = reading(SupportJudgeFit.examples(scorer));
        System.out.println(reading.line("its fitting sentences (in sample)"));

        assertThat(reading.judged().faithful()).isEqualTo(879);
        assertThat(reading.judged().flawed()).isEqualTo(155);
        assertThat(reading.bar().recognised()).isEqualTo(774);
        assertThat(reading.bar().released()).isEqualTo(59);
        assertThat(reading.judged().recognised())
                .isGreaterThanOrEqualTo(FITTING_RECOGNISED)
                .isGreaterThan(reading.bar().recognised());
        assertThat(reading.judged().released())
                .isLessThanOrEqualTo(FITTING_RELEASED)
                .isLessThan(reading.bar().released());
    }

    /**
     * {@code guard/claim-check-pairs.json} (dev, never fitted on): 60 minimal pairs written blind to
     * the code (session 19), the same answer twice but for one sentence, a faithful paraphrase in one
     * and the same paraphrase with a condition or actor changed or the rule reversed in the other. It
     * measures the judge's limit: such a flaw keeps the words and nearly the meaning of its faithful
     * twin. First reading (the floors): faithful recognised 300/316, flawed released 44/60; the bar
     * 302/316 and 53/60. Added to the fitting data it did not learn them (cross-validated 43/60
     * released, the other sets within a sentence or two), so it stays a dev set. On a processor
     * without AVX-512 (session 20) one flawed twin more is released, 45/60: a sentence near the
     * threshold moves with the order the embedding's sums are added in, so one sentence is allowed.
     */
    @Test
    void should_release_no_more_flawed_twins_of_faithful_sentences_than_the_bar() throws IOException {
        Reading reading = reading(SupportJudgeFit.examples(scorer, List.of("/guard/claim-check-pairs.json")));
        System.out.println(reading.line("claim-check-pairs (dev)"));

        assertThat(reading.judged().flawed()).isEqualTo(60);
        assertThat(reading.bar().recognised()).isEqualTo(302);
        assertThat(reading.bar().released()).isEqualTo(53);
        assertThat(reading.judged().recognised()).isGreaterThanOrEqualTo(300);
        assertThat(reading.judged().released())
                .isLessThanOrEqualTo(44 + 1)
                .isLessThanOrEqualTo(reading.bar().released());
    }

    /** Labelled sentences judged by the shipped judge and by the support score's bar (strong words checked by both). */
    private record Reading(SupportJudgeFit.Tally judged, SupportJudgeFit.Tally bar) {
        String line(String what) {
            return String.format(
                    Locale.ROOT,
                    "Support judge on %s: faithful recognised %d/%d (the bar %d), flawed released %d/%d (the bar %d)",
                    what,
                    judged.recognised(),
                    judged.faithful(),
                    bar.recognised(),
                    judged.released(),
                    judged.flawed(),
                    bar.released());
        }
    }

    private static Reading reading(List<SupportJudgeFit.Example> examples) {
        double[] p = examples.stream()
                .mapToDouble(e -> judge.probability(e.claim(), e.span(), e.passages()))
                .toArray();
        return new Reading(
                SupportJudgeFit.Tally.of(examples, p, judge.threshold(), e -> true),
                SupportJudgeFit.Tally.ofBar(examples));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"grounding-claims, 18, 2", "grounding-fresh-tune, 58, 9", "grounding-fresh-holdout, 57, 13"})
    void should_tell_claims_the_library_makes_from_claims_it_does_not(String set, int minRecognised, int maxPassed)
            throws IOException {
        ClaimTally tally = ClaimTally.of(set, (text, p) -> judge.supports(scorer.claim(text), List.of(p)));
        System.out.println(tally.line("Support judge", set));

        assertThat(tally.recognised()).isGreaterThanOrEqualTo(minRecognised);
        assertThat(tally.passed()).isLessThanOrEqualTo(maxPassed);
    }

    @Test
    void should_read_a_lost_not_as_a_dropped_word_whatever_its_spelling() {
        SupportScorer.Span span = new SupportScorer.Span("Your employer can't access your records.", 0.9, 0.9, 0.9);

        SupportJudge.Reading reading =
                SupportJudge.Reading.of("No, your employer can access your records.", span, span.text());

        assertThat(reading.grams()).containsExactly("-not");
        assertThat(reading.values()[SupportJudge.Reading.FEATURES.indexOf("negationFlipped")])
                .isEqualTo(1);
    }

    @Test
    void should_judge_by_the_score_bar_when_meaning_is_read_with_another_embedding() {
        Passage passage = TestKira.shared()
                .retriever()
                .withoutAskedBefore()
                .retrieve(RetrievalQuery.of("Can my employer see my therapy records?"), 1)
                .passages()
                .getFirst();
        SupportJudge unfitted = new SupportJudge(
                scorer,
                new Logistic(new double[12], ones(12), new double[12], 0, 0.5),
                Map.of(),
                EmbeddingModels.MINILM);

        for (String text : List.of(
                "Your employer can't get at your therapy records unless you agree in writing.",
                "Your employer and every coworker can access your therapy records.")) {
            SupportScorer.Claim claim = scorer.claim(text);
            assertThat(unfitted.supports(claim, List.of(passage)))
                    .as(text)
                    .isEqualTo(scorer.support(claim, passage) >= SupportScorer.SUPPORTED);
        }
    }

    private static double[] ones(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1);
        return x;
    }

    /** The shipped judge's in-sample reading (session 19). */
    private static final int FITTING_RECOGNISED = 817;

    private static final int FITTING_RELEASED = 23;
}
