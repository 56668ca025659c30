package com.askkira.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentQueriesTest {
    /** Counts what reaches the model; a query's vector is its length, so mix-ups show. */
    private static final class CountingEmbedder implements Embedder {
        final List<String> embedded = new ArrayList<>();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public float[] embedQuery(String text) {
            embedded.add(text);
            return new float[] {text.length()};
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            embedded.addAll(texts);
            return texts.stream().map(t -> new float[] {t.length()}).toList();
        }
    }

    @Test
    void should_embed_a_question_once_when_the_screen_and_the_search_both_read_it() {
        CountingEmbedder model = new CountingEmbedder();
        RecentQueries embedder = new RecentQueries(model, 8);

        float[] screened = embedder.embedQuery("can my therapist tell my parents?");
        float[] searched = embedder.embedQuery("can my therapist tell my parents?");

        assertThat(searched).isEqualTo(screened);
        assertThat(model.embedded).hasSize(1);
    }

    @Test
    void should_embed_only_the_unknown_queries_of_a_batch_and_keep_their_order() {
        CountingEmbedder model = new CountingEmbedder();
        RecentQueries embedder = new RecentQueries(model, 8);
        embedder.embedQuery("bb");

        List<float[]> vectors = embedder.embedQueries(List.of("a", "bb", "cccc"));

        assertThat(vectors).extracting(v -> v[0]).containsExactly(1f, 2f, 4f);
        assertThat(model.embedded).containsExactly("bb", "a", "cccc");
    }

    @Test
    void should_forget_the_least_recent_query_beyond_its_capacity() {
        CountingEmbedder model = new CountingEmbedder();
        RecentQueries embedder = new RecentQueries(model, 2);
        embedder.embedQuery("first");
        embedder.embedQuery("second");
        embedder.embedQuery("first"); // now the most recent
        embedder.embedQuery("third"); // pushes out "second"

        embedder.embedQuery("first");
        embedder.embedQuery("second");

        assertThat(model.embedded).containsExactly("first", "second", "third", "second");
    }

    @Test
    void should_never_keep_passages() {
        CountingEmbedder model = new CountingEmbedder();
        RecentQueries embedder = new RecentQueries(model, 8);

        embedder.embedPassages(List.of("a passage"));
        embedder.embedPassages(List.of("a passage"));

        assertThat(model.embedded).hasSize(2);
    }
}
