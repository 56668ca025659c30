package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.embedding.EmbeddingModels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordingCrisisReaderTest {
    private static final float[] QUIET = new float[384];

    /** A reader that hears nothing in the vector and only "cutting again" in the words. */
    private static final WordingCrisisReader AGAIN = WordingCrisisReader.fitted(
            EmbeddingModels.BGE_SMALL,
            new double[384],
            filled(1),
            new double[384],
            Map.of("cutting again", 6.0, "my friend", -3.0),
            -3,
            0.9);

    @Test
    void should_hear_the_words_that_say_the_risk_is_now() {
        assertThat(AGAIN.hears(
                        "if I tell my therapist I've been cutting again will she tell my mom",
                        EmbeddingModels.BGE_SMALL,
                        QUIET))
                .isTrue();
        assertThat(AGAIN.hears(
                        "if I tell my therapist I used to cut, will she tell my mom", EmbeddingModels.BGE_SMALL, QUIET))
                .isFalse();
    }

    @Test
    void should_weigh_every_known_word_of_the_message() {
        assertThat(AGAIN.hears(
                        "my friend keeps cutting again, will her therapist tell her mom",
                        EmbeddingModels.BGE_SMALL,
                        QUIET))
                .isFalse();
    }

    @Test
    void should_not_read_a_vector_of_another_model() {
        assertThat(AGAIN.hears("cutting again", "another-model", QUIET)).isFalse();
        assertThat(AGAIN.hears("cutting again", EmbeddingModels.BGE_SMALL, new float[12]))
                .isFalse();
    }

    @Test
    void should_ship_words_that_lean_toward_risk_told_as_now_not_toward_an_ordinary_question() {
        WordingCrisisReader shipped = WordingCrisisReader.fromResources();
        assertThat(shipped.probability("how long does my therapist keep my records", QUIET))
                .isLessThan(shipped.probability(
                        "i've been cutting again every night, does my therapist have to tell", QUIET));
    }

    private static double[] filled(double value) {
        double[] out = new double[384];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
