package com.askkira.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TuningTest {
    @Test
    void should_build_the_defaults_through_the_checks() {
        Tuning tuning = Tuning.defaults();

        assertThat(tuning.retrieval().rrfK()).isEqualTo(30);
        assertThat(tuning.grounding().supported()).isEqualTo(0.725);
        assertThat(tuning.crisis().floor()).isEqualTo(0.60);
    }

    @Test
    void should_name_the_knob_that_is_out_of_range() {
        Tuning.Grounding grounding = Tuning.defaults().grounding();

        assertThatThrownBy(() -> new Tuning.Grounding(1.2, grounding.meaningWeight(), grounding.replaceable()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Tuning.Grounding.supported")
                .hasMessageContaining("1.2");
    }

    @Test
    void should_refuse_a_replacement_bar_above_the_support_bar() {
        Tuning.Grounding grounding = Tuning.defaults().grounding();

        assertThatThrownBy(() -> new Tuning.Grounding(grounding.supported(), grounding.meaningWeight(), 0.8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Tuning.Grounding.replaceable");
    }

    @Test
    void should_refuse_a_retrieval_with_no_ranking_weighed() {
        Tuning.Retrieval r = Tuning.defaults().retrieval();

        assertThatThrownBy(() -> new Tuning.Retrieval(
                        r.rrfK(),
                        0,
                        0,
                        0,
                        0,
                        r.askedBeforeWeight(),
                        r.headingBoost(),
                        r.titleBoost(),
                        r.historyWeight(),
                        r.spellingAccuracy()))
                .hasMessageContaining("at least one ranking");
    }

    @Test
    void should_refuse_an_answer_from_no_passage() {
        Tuning.Answer a = Tuning.defaults().answer();

        assertThatThrownBy(() -> new Tuning.Answer(
                        a.lexicalWeight(),
                        a.lexicalSaturation(),
                        a.passageWeight(),
                        a.genericWeight(),
                        a.keepRatio(),
                        a.closeness(),
                        a.coherence(),
                        a.redundancy(),
                        a.maxSentences(),
                        0,
                        a.following(),
                        a.secondSection(),
                        a.sections(),
                        a.leading(),
                        a.sectionFollowing(),
                        a.restOfSection()))
                .hasMessageContaining("Tuning.Answer.passages");
    }
}
