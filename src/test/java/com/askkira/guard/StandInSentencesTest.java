package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A model sentence the grounded check cannot confirm is replaced by the closest sentence of the
 * passage it cites, when that sentence is close enough ({@code Tuning.Grounding.replaceable}), so the
 * reader keeps the point in the library's words. Measured on {@code guard/model-answers-dev-2.json},
 * a dev set: its withheld sentences, judged by hand, chose that bar (docs/tuning.md, session 17).
 * Before stand-ins, every faithful sentence withheld was simply lost.
 */
class StandInSentencesTest {
    @Test
    void should_keep_in_the_passage_words_the_point_of_most_faithful_sentences_the_check_cannot_confirm()
            throws IOException {
        StandInTally tally = StandInTally.of(WrittenAnswers.read("/guard/model-answers-dev-2.json"));
        System.out.println(tally.line("model-answers-dev-2"));

        // The reading that chose the bar (session 17).
        assertThat(tally.keptByStandIn()).isGreaterThanOrEqualTo(32);
        assertThat(tally.faithfulWithheld()).isLessThanOrEqualTo(49);
        assertThat(tally.flawedReleased()).isLessThanOrEqualTo(8);
        assertThat(tally.flawed()).isEqualTo(40);
        // A stand-in off the point is the price of one on it: no more of them than at that reading.
        assertThat(tally.standIns()).isLessThanOrEqualTo(62);
    }
}
