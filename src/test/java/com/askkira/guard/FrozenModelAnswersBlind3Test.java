package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole output guardrail on a third frozen blind set of model answers ({@code
 * frozen/model-answers-blind-3.json}): 70 answers written 2026-12-07 (session 19) by a writer who
 * read only the library and the source facts, never the code, the tests or the other sets, citing
 * the six passages {@code GET /v1/search?k=6} gave for each question: 46 good (24 paraphrased, 10
 * joining sentences of one passage, 6 mixed, 6 close to the passage) and 24 bad with one flawed
 * sentence each (a condition, actor, quantifier, number or scope changed, a contradiction, an
 * invented detail, therapy made absolutely or less confidential than the law says); 12 in Spanish;
 * every sentence labelled. Measured, never tuned on: this test prints counts, never an item.
 *
 * <p>Read once as it arrived, on main as session 19 began (8f7e3ce): English good passed 29/38
 * (paraphrase 16/20, joined 7/8, mixed 4/5, quote 2/5), bad stopped 13/20 (every actor and condition
 * change passed); Spanish good passed 4/8, bad stopped 4/4; 21 faithful sentences withheld as
 * written, the point of 10 kept by a stand-in; flawed sentences released as written 9/24. Read
 * again at the end of that session (the grounded check's support judge, fitted on other sets):
 * English good passed 30/38 (paraphrase 17/20, joined 6/8: one fewer, mixed 4/5, quote 3/5), bad
 * stopped 14/20 (actor 1/3, condition 0/3, contradiction 2/2, number 1/2: one fewer); Spanish good
 * passed 6/8, bad stopped 4/4; 9 faithful sentences withheld, the point of 3 kept by a stand-in;
 * flawed sentences released as written 7/24. The floors hold the end reading, kind by kind. On a
 * processor without AVX-512 (session 20, the same code) one good English answer fewer passes (29/38)
 * and one faithful sentence more is withheld (10, the point of 4 kept by a stand-in; 21 stand-ins):
 * a sentence near the support judge's threshold moves with the order the embedding's sums are added
 * in, so each floor allows one answer or sentence, as the frozen question sets allow one item.
 */
class FrozenModelAnswersBlind3Test {
    private static FrozenModelAnswersBlindTest.Reading english;
    private static FrozenModelAnswersBlindTest.Reading spanish;
    private static StandInTally standIns;

    @BeforeAll
    static void read() throws IOException {
        List<JsonNode> answers = WrittenAnswers.read("/frozen/model-answers-blind-3.json");
        List<JsonNode> en = new ArrayList<>();
        List<JsonNode> es = new ArrayList<>();
        answers.forEach(a -> (a.get("language").asText().equals("es") ? es : en).add(a));
        english = FrozenModelAnswersBlindTest.reading(en);
        spanish = FrozenModelAnswersBlindTest.reading(es);
        standIns = StandInTally.of(answers);
        FrozenModelAnswersBlindTest.print("blind model answers 3, English", english);
        FrozenModelAnswersBlindTest.print("blind model answers 3, Spanish", spanish);
        System.out.println(standIns.line("blind model answers 3"));
    }

    @Test
    void should_pass_good_english_answers_and_stop_bad_ones_no_worse_than_last_read() {
        assertThat(english.good()).isEqualTo(38);
        assertThat(english.bad()).isEqualTo(20);
        assertThat(english.goodPassed()).isGreaterThanOrEqualTo(30 - 1);
        assertThat(english.badCaught()).isGreaterThanOrEqualTo(14);
        FrozenModelAnswersBlindTest.assertKindsAtLeast(english, KINDS_EN);
    }

    @Test
    void should_pass_good_spanish_answers_and_stop_bad_ones_no_worse_than_last_read() {
        assertThat(spanish.good()).isEqualTo(8);
        assertThat(spanish.bad()).isEqualTo(4);
        assertThat(spanish.goodPassed()).isGreaterThanOrEqualTo(6);
        assertThat(spanish.badCaught()).isGreaterThanOrEqualTo(4);
        FrozenModelAnswersBlindTest.assertKindsAtLeast(spanish, KINDS_ES);
    }

    @Test
    void should_keep_the_point_of_faithful_sentences_it_withholds_no_worse_than_last_read() {
        assertThat(standIns.flawed()).isEqualTo(24);
        assertThat(standIns.flawedReleased()).isLessThanOrEqualTo(7);
        assertThat(standIns.faithfulWithheld()).isLessThanOrEqualTo(9 + 1);
        assertThat(standIns.keptByStandIn()).isGreaterThanOrEqualTo(3);
        assertThat(standIns.standIns()).isLessThanOrEqualTo(20 + 1);
    }

    /** Each kind's reading at the end of session 19, English: judged right / answers. */
    private static final Map<String, String> KINDS_EN = Map.ofEntries(
            Map.entry("bad, absolute-confidentiality", "1/1"),
            Map.entry("bad, actor-changed", "1/3"),
            Map.entry("bad, condition-changed", "0/3"),
            Map.entry("bad, contradiction", "2/2"),
            Map.entry("bad, invented", "3/3"),
            Map.entry("bad, less-confidential", "1/1"),
            Map.entry("bad, number-changed", "1/2"),
            Map.entry("bad, quantifier-changed", "3/3"),
            Map.entry("bad, scope-changed", "2/2"),
            Map.entry("good, joined", "6/8"),
            Map.entry("good, mixed", "4/5"),
            Map.entry("good, paraphrase", "17/20"),
            Map.entry("good, quote", "3/5"));

    /** The same, Spanish. */
    private static final Map<String, String> KINDS_ES = Map.ofEntries(
            Map.entry("bad, absolute-confidentiality", "1/1"),
            Map.entry("bad, condition-changed", "1/1"),
            Map.entry("bad, contradiction", "1/1"),
            Map.entry("bad, quantifier-changed", "1/1"),
            Map.entry("good, joined", "2/2"),
            Map.entry("good, mixed", "1/1"),
            Map.entry("good, paraphrase", "2/4"),
            Map.entry("good, quote", "1/1"));
}
