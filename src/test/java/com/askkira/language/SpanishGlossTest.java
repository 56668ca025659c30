package com.askkira.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpanishGlossTest {
    private final SpanishGloss gloss = SpanishGloss.fromResources();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "ahorcarme, hang myself",
        "cortándome, cut myself",
        "se ahorcó, hang",
        "murió, die",
        "muriendo, die",
        "me corté, i cut myself",
        "sangrando, bleed",
        "pegué, hit",
        "despidiéndome, say goodbye myself",
        "desmayar, faint",
        "kiero, want"
    })
    void should_read_any_form_of_a_verb_the_map_knows_through_its_infinitive(String spanish, String english) {
        assertThat(gloss.gloss(spanish)).contains(english);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mesa", "casa", "entre", "cada", "vida"})
    void should_leave_words_that_only_look_like_a_verb_form_alone(String word) {
        assertThat(gloss.gloss(word)).doesNotContain("come in", "live", "marry");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kiero morirme ya", "me corté otra vez", "se la clavo mañana"})
    void should_hear_spanish_in_short_messages_by_their_verbs(String message) {
        assertThat(gloss.isSpanish(message)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "I decided to tell my therapist everything",
                "Can my mate see my therapy notes?",
                "Does the therapist have to warn the person I threatened?"
            })
    void should_not_read_english_as_spanish(String message) {
        assertThat(gloss.isSpanish(message)).isFalse();
    }
}
