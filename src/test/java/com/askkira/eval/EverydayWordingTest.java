package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Questions in the words visitors use rather than the library's ("can my shrink rat me out",
 * "rehab records subpoena", a story told before the question), written on 2026-12-06 (session 8)
 * by a third writer who read only the library: 160 answerable questions (everyday 40, situation 30,
 * typos 30, rambling 25, terse 20, brand words 15), every document in proportion to its size, split
 * at random into {@code everyday-dev.json} (100) and {@code everyday-holdout.json} (60).
 *
 * <p>everyday-dev is a dev set: its items were read one by one and chose {@code
 * answer.secondSection} (see {@code Tuning}), and it is among the answer decision's fitting questions.
 * everyday-holdout was measured once, as aggregates, at
 * the end of session 8's answer work; its floor holds those figures, and it is a dev set for any
 * change after that.
 */
class EverydayWordingTest {
    /**
     * Measured on everyday-dev as session 8 began: search hit@3 0.780, answer citations hit@3 0.620,
     * facts 0.518, answerable declined 0.050; with {@code answer.secondSection} 0.8: 0.780, 0.690,
     * 0.583, 0.050; with the decision refitted on everyday-dev among its fitting questions (so its
     * refusals here are no longer a question never seen): 0.780, 0.730, 0.603, 0.040 (the floor,
     * rounded down). everyday-holdout, read once at the end of session 8, on main as the session began
     * and after: search 0.767, citations 0.733 → 0.767, facts 0.474 → 0.500, declined 0.050 → 0.033.
     * Session 9 (the gap probe reading wording, decision-train-4, half the refusals): everyday-dev
     * 0.780, 0.740, 0.603, 0.030; everyday-holdout (printed in every run since, so a dev set) 0.767,
     * 0.800, 0.544, 0.000. Session 10 (the rest of the best sentence's section may join the answer,
     * chosen on both among the dev sets): facts 0.608 → 0.628 and 0.544 → 0.553, the rest unchanged.
     * The floors are these, rounded down. Session 11, on a processor without AVX-512 and with no change
     * to the code, everyday-dev facts 0.628 → 0.618 (the embedding model's sums differ by processor);
     * its floor takes the lower figure. Session 12, on a processor with AVX-512, before and after the
     * learned fact sentences (FactSentences, fitted with everyday-dev among its sets): everyday-dev
     * citations 0.830 → 0.840, facts 0.683 → 0.729; everyday-holdout citations 0.783 → 0.800 (0.783
     * is this processor's reading of the old code: the floor takes it), facts 0.605 → 0.640. Then the
     * answer decision refitted with blind sets 4 to 8 and decision-train-7 (never these sets): it
     * declines one everyday-holdout question (0.000 → 0.017, citations 0.800 → 0.783, facts 0.640 →
     * 0.623), while it declines three more of abstention-holdout-2's gaps and answers the one
     * retrieval-holdout question it declined; the floor follows.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"everyday-dev.json, 0.780, 0.740, 0.719, 0.030", "everyday-holdout.json, 0.766, 0.783, 0.622, 0.017"})
    void should_find_and_state_what_answers_questions_in_everyday_words(
            String file, double search, double citations, double facts, double declined) throws IOException {
        List<BlindSets.Item> items = GoldenSets.named(file).questions().stream()
                .map(q -> new BlindSets.Item(q.kind(), q.question(), q.turns(), "answer", q.expected(), q.facts()))
                .toList();

        BlindSets.Figures figures = BlindSets.Figures.of(items);
        System.out.println(figures.answerableTable(file));

        assertThat(figures.answerable()).isEqualTo(items.size());
        assertThat(figures.searchHit3()).isGreaterThanOrEqualTo(search);
        assertThat(figures.citationHit3()).isGreaterThanOrEqualTo(citations);
        assertThat(figures.facts()).isGreaterThanOrEqualTo(facts);
        assertThat(figures.answerableDeclined()).isLessThanOrEqualTo(declined);
        assertThat(figures.overclaims()).isZero();
    }
}
