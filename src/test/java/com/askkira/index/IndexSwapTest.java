package com.askkira.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.config.Tuning;
import com.askkira.corpus.Library;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.retrieval.AskedBefore;
import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.RetrievalQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on disk: staleness is noticed, and a rebuild is picked up by open searchers without a restart. */
class IndexSwapTest {
    @TempDir
    Path corpus;

    @TempDir
    Path indexDir;

    private Library library;
    private Embedder embedder;
    private IndexBuilder builder;

    /** The tiny article alone, and the builder that indexes it with the shipped model. */
    @BeforeEach
    void tinyLibrary() throws IOException {
        library = TinyLibrary.copiedTo(corpus);
        embedder = EmbeddingModels.load(EmbeddingModels.MINILM);
        builder = TinyLibrary.builder(embedder);
    }

    @Test
    void should_swap_in_a_rebuilt_index_without_reopening_it() throws IOException {

        assertThat(builder.staleness(library, indexDir)).hasValue("no index yet");
        builder.build(library, indexDir);
        assertThat(builder.staleness(library, indexDir)).isEmpty();

        try (KiraIndex index = KiraIndex.open(indexDir)) {
            HybridRetriever retriever = HybridRetriever.over(
                    index,
                    embedder,
                    library.synonymsFile(),
                    AskedBefore.NONE,
                    Tuning.defaults().retrieval());
            assertThat(retriever
                            .retrieve(RetrievalQuery.of("group therapy members"), 10)
                            .passages())
                    .noneMatch(p -> p.chunk().docSlug().equals("tiny-group"));

            article(
                    "tiny-group",
                    "Group Therapy Basics",
                    "Who keeps group secrets",
                    "Other members of a therapy group are not bound by the same legal duties as the therapist.");
            assertThat(builder.staleness(library, indexDir))
                    .hasValueSatisfying(r -> assertThat(r).contains("corpus changed"));
            builder.build(library, indexDir);
            index.refresh();

            assertThat(retriever
                            .retrieve(RetrievalQuery.of("group therapy members"), 10)
                            .passages())
                    .anyMatch(p -> p.chunk().docSlug().equals("tiny-group"));
        }
    }

    /** The votes' sections are looked up once per index reader: a rebuilt index's doc ids are its own. */
    @Test
    void should_find_the_voted_section_again_in_a_rebuilt_index() throws IOException {
        builder.build(library, indexDir);
        String asked = "who is allowed to peek at what I told my counsellor?";
        AskedBefore votes = new AskedBefore(List.of(new AskedBefore.Example(
                "can my manager read what I say in sessions",
                embedder.embedQuery("can my manager read what I say in sessions"),
                List.of("tiny-article#can-my-boss-see-my-notes"))));

        try (KiraIndex index = KiraIndex.open(indexDir)) {
            HybridRetriever retriever = HybridRetriever.over(
                    index,
                    embedder,
                    library.synonymsFile(),
                    votes,
                    Tuning.defaults().retrieval());
            assertThat(retriever.retrieve(RetrievalQuery.of(asked), 1).passages())
                    .extracting(p -> p.chunk().sectionKey())
                    .containsExactly("tiny-article#can-my-boss-see-my-notes");

            // A document whose name sorts first: the rebuilt index numbers every chunk anew.
            article("a-first", "A First Article", "Weather", "It rained all week in the valley.");
            builder.build(library, indexDir);
            index.refresh();

            assertThat(retriever.retrieve(RetrievalQuery.of(asked), 1).passages())
                    .extracting(p -> p.chunk().sectionKey())
                    .containsExactly("tiny-article#can-my-boss-see-my-notes");
        }
    }

    /** Chunks are decoded once per index reader: after a rebuild, a doc id names the rebuilt index's chunk. */
    @Test
    void should_read_each_doc_id_from_the_rebuilt_index_after_a_swap() throws IOException {
        builder.build(library, indexDir);
        try (KiraIndex index = KiraIndex.open(indexDir)) {
            String before = index.withSearcher(s -> index.chunkAt(s, 0).chunk().id());

            article("a-first", "A First Article", "Weather", "It rained all week in the valley.");
            builder.build(library, indexDir);
            index.refresh();

            String after = index.withSearcher(s -> index.chunkAt(s, 0).chunk().id());
            String stored = index.withSearcher(s -> s.storedFields().document(0).get(IndexFields.ID));
            assertThat(before).startsWith("tiny-article#");
            assertThat(after).isEqualTo(stored).startsWith("a-first#");
        }
    }

    /** Writes a one-section article into the corpus. */
    private void article(String slug, String title, String heading, String text) throws IOException {
        Files.writeString(corpus.resolve(slug + ".md"), """
                ---
                title: "%s"
                slug: %s
                url: /articles/%s
                type: article
                lastUpdated: 2026-02-03
                reviewedBy: Test Team
                ---
                # %s

                ## %s

                %s
                """.formatted(title, slug, slug, title, heading, text));
    }
}
