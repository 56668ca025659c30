package com.askkira.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadingEmbedderTest {
    @TempDir
    Path dir;

    /** A model of two numbers a text: the text's length and 1. */
    private static final class TwoNumbers implements Embedder {
        private final int dimension;

        TwoNumbers(int dimension) {
            this.dimension = dimension;
        }

        @Override
        public String name() {
            return "two";
        }

        @Override
        public int dimension() {
            return dimension;
        }

        @Override
        public float[] embedQuery(String text) {
            return new float[] {text.length(), 1};
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            return texts.stream().map(this::embedQuery).toList();
        }
    }

    @Test
    void should_read_the_stored_start_up_vectors_while_the_model_is_still_loading() {
        Path file = dir.resolve("vectors.bin");
        List<float[]> embedded = StoredVectors.in(file, new TwoNumbers(2)).embedPassages(List.of("an example"));
        CountDownLatch release = new CountDownLatch(1);
        LoadingEmbedder loading = LoadingEmbedder.start("two", 2, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new TwoNumbers(2);
        });

        // Nothing here waits for the model: it has not loaded, and cannot until released.
        assertThat(loading.dimension()).isEqualTo(2);
        assertThat(StoredVectors.in(file, loading).embedPassages(List.of("an example")))
                .containsExactly(embedded.get(0));

        release.countDown();
        loading.awaitModel();
        assertThat(loading.embedQuery("four")).containsExactly(4, 1);
    }

    @Test
    void should_fail_when_awaited_with_the_failure_of_a_model_that_cannot_load() {
        LoadingEmbedder loading = LoadingEmbedder.start("broken", 2, () -> {
            throw new IllegalStateException("the model file is damaged");
        });

        assertThatThrownBy(loading::awaitModel)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the model file is damaged");
    }

    @Test
    void should_refuse_a_model_whose_vectors_are_not_of_the_dimension_announced() {
        LoadingEmbedder loading = LoadingEmbedder.start("two", 3, () -> new TwoNumbers(2));

        assertThatThrownBy(loading::awaitModel)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("writes 2 numbers a text, not 3");
    }
}
