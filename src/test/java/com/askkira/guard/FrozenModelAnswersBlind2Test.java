package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole output guardrail on a second frozen blind set of model answers ({@code
 * frozen/model-answers-blind-2.json}): 60 English answers written 2026-12-07 (session 17) by a
 * writer who read only the library and the source facts, never the code, the tests or the other
 * sets, citing the six passages {@code GET /v1/search?k=6} gave for each question: 40 good (24
 * paraphrased, 8 joining sentences of one passage, 4 mixed, 4 close to the passage) and 20 bad with
 * one subtly flawed sentence each; every sentence labelled with what it rests on. It measures what
 * blind set 1 cannot: what the reader gets of a faithful sentence the checks cannot confirm (a
 * stand-in from its passage since session 17). Measured, never tuned on: this test prints counts,
 * never an item.
 *
 * <p>Read once, at the end of session 17 (after the stand-ins, which change no verdict): good passed
 * 27/40 (paraphrase 16/24, joined 4/8, mixed 3/4, quote 4/4); bad stopped 12/20 (0.600: an actor,
 * condition or quantifier changed passed in 2 of 3 each, both contradictions passed). Of the faithful
 * sentences, 15 were withheld as written and the point of 11 reached the reader in a stand-in;
 * flawed sentences released as written 11/20; 17 stand-ins in all. Read again at the end of session
 * 19 (the grounded check's support judge): good passed 29/40 (paraphrase 15/24: one fewer; joined
 * 6/8, mixed 4/4, quote 4/4), bad stopped 15/20 (0.750: actor 2/3, condition 1/3, contradiction 1/2,
 * quantifier 2/3); 16 faithful sentences withheld as written, the point of 12 kept by a stand-in;
 * flawed sentences released as written 8/20; 21 stand-ins in all (more bad sentences stopped, more
 * replaced). The floors hold that reading, kind by kind.
 */
class FrozenModelAnswersBlind2Test {
    private static FrozenModelAnswersBlindTest.Reading verdicts;
    private static StandInTally standIns;

    @BeforeAll
    static void read() throws IOException {
        List<JsonNode> answers = WrittenAnswers.read("/frozen/model-answers-blind-2.json");
        verdicts = FrozenModelAnswersBlindTest.reading(answers);
        standIns = StandInTally.of(answers);
        FrozenModelAnswersBlindTest.print("blind model answers 2", verdicts);
        System.out.println(standIns.line("blind model answers 2"));
    }

    @Test
    void should_pass_good_answers_and_stop_bad_ones_no_worse_than_first_read() {
        assertThat(verdicts.good()).isEqualTo(40);
        assertThat(verdicts.bad()).isEqualTo(20);
        assertThat(verdicts.goodPassed()).isGreaterThanOrEqualTo(29);
        assertThat(verdicts.badCaught()).isGreaterThanOrEqualTo(15);
        FrozenModelAnswersBlindTest.assertKindsAtLeast(verdicts, KINDS);
    }

    @Test
    void should_keep_the_point_of_faithful_sentences_it_withholds_no_worse_than_first_read() {
        assertThat(standIns.keptByStandIn()).isGreaterThanOrEqualTo(12);
        assertThat(standIns.faithfulWithheld()).isLessThanOrEqualTo(16);
        assertThat(standIns.flawedReleased()).isLessThanOrEqualTo(8);
        assertThat(standIns.flawed()).isEqualTo(20);
        assertThat(standIns.standIns()).isLessThanOrEqualTo(21);
    }

    /** Each kind's reading at the end of session 19: judged right / answers. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("bad, absolute confidentiality", "2/2"),
            Map.entry("bad, actor changed", "2/3"),
            Map.entry("bad, condition changed", "1/3"),
            Map.entry("bad, contradiction", "1/2"),
            Map.entry("bad, invented detail", "3/3"),
            Map.entry("bad, less confidential than the law says", "2/2"),
            Map.entry("bad, quantifier changed", "2/3"),
            Map.entry("bad, wrong citation", "2/2"),
            Map.entry("good, joined", "6/8"),
            Map.entry("good, mixed", "4/4"),
            Map.entry("good, paraphrase", "15/24"),
            Map.entry("good, quote", "4/4"));
}
