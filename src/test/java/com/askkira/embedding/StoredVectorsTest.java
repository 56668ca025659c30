package com.askkira.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredVectorsTest {
    @TempDir
    Path dir;

    /** Counts the passages that reach the model; a vector holds the text's length and the model's mark. */
    private static final class CountingEmbedder implements Embedder {
        final String name;
        final List<String> embedded = new ArrayList<>();

        CountingEmbedder(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embedQuery(String text) {
            embedded.add(text);
            return new float[] {text.length(), name.length()};
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            embedded.addAll(texts);
            return texts.stream()
                    .map(t -> new float[] {t.length(), name.length()})
                    .toList();
        }
    }

    @Test
    void should_read_back_at_the_next_start_what_it_embedded_at_the_last() {
        Path file = dir.resolve("vectors.bin");
        CountingEmbedder first = new CountingEmbedder("model");
        List<float[]> computed = StoredVectors.in(file, first).embedPassages(List.of("a crisis example", "a topic"));

        CountingEmbedder second = new CountingEmbedder("model");
        List<float[]> read = StoredVectors.in(file, second).embedPassages(List.of("a topic", "a crisis example"));

        assertThat(second.embedded).isEmpty();
        assertThat(read.get(0)).isEqualTo(computed.get(1));
        assertThat(read.get(1)).isEqualTo(computed.get(0));
    }

    @Test
    void should_embed_a_changed_text_or_another_models_texts_again() {
        Path file = dir.resolve("vectors.bin");
        StoredVectors.in(file, new CountingEmbedder("model")).embedPassages(List.of("kept", "old wording"));

        CountingEmbedder same = new CountingEmbedder("model");
        StoredVectors.in(file, same).embedPassages(List.of("kept", "new wording"));
        CountingEmbedder other = new CountingEmbedder("another model");
        List<float[]> vectors = StoredVectors.in(file, other).embedPassages(List.of("kept"));

        assertThat(same.embedded).containsExactly("new wording");
        assertThat(other.embedded).containsExactly("kept");
        assertThat(vectors.getFirst()[1]).isEqualTo("another model".length());
    }

    @Test
    void should_start_over_from_a_damaged_file_and_mend_it() throws IOException {
        Path file = dir.resolve("vectors.bin");
        Files.write(file, new byte[] {0, 0, 0, 9, 1, 2});
        CountingEmbedder model = new CountingEmbedder("model");

        StoredVectors.in(file, model).embedPassages(List.of("example"));
        CountingEmbedder next = new CountingEmbedder("model");
        StoredVectors.in(file, next).embedPassages(List.of("example"));

        assertThat(model.embedded).containsExactly("example");
        assertThat(next.embedded).isEmpty();
    }

    @Test
    void should_pass_queries_through_and_keep_none() {
        Path file = dir.resolve("vectors.bin");
        CountingEmbedder model = new CountingEmbedder("model");
        StoredVectors embedder = StoredVectors.in(file, model);

        embedder.embedQuery("is therapy confidential?");
        embedder.embedQuery("is therapy confidential?");

        assertThat(model.embedded).hasSize(2);
        assertThat(file).doesNotExist();
    }
}
