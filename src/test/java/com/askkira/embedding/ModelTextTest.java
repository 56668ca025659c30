package com.askkira.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ModelText} against the model itself: what it says the model reads nothing of, the model refuses. */
class ModelTextTest {
    private static Embedder model;

    @BeforeAll
    static void load() {
        model = EmbeddingModels.load(EmbeddingModels.BGE_SMALL);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {" ", "\u00a0", "\u200b", "\ufeff", "\ufffd", "\u0301", "\u0300\u0301", "\ue000"})
    void should_say_the_model_reads_nothing_of_text_it_refuses_to_embed(String text) {
        assertThat(ModelText.readsNothing(text)).isTrue();
        assertThatThrownBy(() -> model.embedPassages(List.of(text))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"a", ".", "[1]", "\u00e9", "e\u0301", "\u4e00", "\ud83d\ude00", "\u2800", "\u3164"})
    void should_say_the_model_reads_text_it_embeds(String text) {
        assertThat(ModelText.readsNothing(text)).isFalse();
        assertThat(model.embedPassages(List.of(text)).getFirst()).hasSize(384);
    }
}
