package com.askkira.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddingModelsTest {
    /** The dimension a start relies on before the model loads is the one the loaded model writes. */
    @ParameterizedTest
    @ValueSource(strings = {EmbeddingModels.BGE_SMALL, EmbeddingModels.MINILM})
    void should_know_by_name_the_dimension_each_shipped_model_writes(String name) {
        Embedder model = EmbeddingModels.load(name);

        assertThat(EmbeddingModels.dimension(name)).isEqualTo(model.dimension());
        assertThat(model.embedQuery("Can my employer see my therapy records?")).hasSize(model.dimension());
    }

    @Test
    void should_refuse_the_dimension_of_a_model_it_does_not_ship() {
        assertThatThrownBy(() -> EmbeddingModels.dimension("bge-large"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bge-large");
    }
}
