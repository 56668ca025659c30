package com.askkira.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.config.Tuning;
import com.askkira.corpus.Chunker;
import com.askkira.corpus.Library;
import com.askkira.corpus.MarkdownDocumentParser;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.index.IndexBuilder;
import com.askkira.index.KiraIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionMatesTest {
    @TempDir
    Path corpus;

    @TempDir
    Path indexDir;

    private final HybridRetriever retriever = TestKira.shared().retriever();
    private final SectionMates mates = retriever.sectionMates();

    @Test
    void should_give_the_other_chunks_of_a_passage_section_in_reading_order_standing_as_it_does() {
        Passage privilege = retriever
                .over("privilege", List.of("confidentiality-in-therapy#privilege-vs-confidentiality-1"))
                .passages()
                .getFirst();

        List<Passage> rest = mates.of(privilege);

        assertThat(rest).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rest)
                .extracting(p -> p.chunk().id())
                .startsWith(
                        "confidentiality-in-therapy#privilege-vs-confidentiality-0",
                        "confidentiality-in-therapy#privilege-vs-confidentiality-2")
                .doesNotContain(privilege.chunk().id())
                .allMatch(id -> id.startsWith("confidentiality-in-therapy#privilege-vs-confidentiality-"));
        assertThat(rest).allMatch(p -> p.score() == privilege.score());
    }

    @Test
    void should_widen_a_retrieval_after_its_ranked_passages_which_stay_as_the_search_gave_them() {
        Retrieval searched = retriever.retrieve(RetrievalQuery.of("Who can waive the privilege?"), 6);

        Retrieval widened = mates.widen(searched);

        assertThat(widened.ranked()).isEqualTo(searched.passages().size());
        assertThat(widened.rankedPassages()).isEqualTo(searched.passages());
        assertThat(widened.passages().size()).isGreaterThan(searched.passages().size());
        Set<String> sections = Set.copyOf(
                searched.passages().stream().map(p -> p.chunk().sectionKey()).toList());
        assertThat(widened.passages()
                        .subList(widened.ranked(), widened.passages().size()))
                .allMatch(p -> sections.contains(p.chunk().sectionKey()))
                .extracting(p -> p.chunk().id())
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(
                        searched.passages().stream().map(p -> p.chunk().id()).toList());
    }

    @Test
    void should_judge_a_cited_chunk_of_the_rest_of_a_section_by_the_passage_of_its_section_the_search_ranked() {
        Retrieval widened = mates.widen(retriever.retrieve(RetrievalQuery.of("Who can waive the privilege?"), 6));
        Passage mate = widened.passages().get(widened.ranked());
        Passage rankedOfItsSection = widened.rankedPassages().stream()
                .filter(p -> p.chunk().sectionKey().equals(mate.chunk().sectionKey()))
                .findFirst()
                .orElseThrow();

        Retrieval asCited = widened.onlyPassages(Set.of(mate.chunk().id()));

        assertThat(asCited.passages()).containsExactly(rankedOfItsSection);
    }

    @Test
    void should_read_a_section_again_once_the_index_is_rebuilt() throws IOException {
        Library library = new Library(corpus, new MarkdownDocumentParser());
        var embedder = EmbeddingModels.load(EmbeddingModels.MINILM);
        IndexBuilder builder = new IndexBuilder(new Chunker(new SentenceSplitter()), embedder);
        Files.writeString(corpus.resolve("tiny-rules.md"), rules("The first rule holds."));
        builder.build(library, indexDir);

        try (KiraIndex index = KiraIndex.open(indexDir)) {
            HybridRetriever retriever = HybridRetriever.over(
                    index,
                    embedder,
                    library.synonymsFile(),
                    AskedBefore.NONE,
                    Tuning.defaults().retrieval());
            SectionMates mates = retriever.sectionMates();
            Passage first = retriever
                    .over("rules", List.of("tiny-rules#the-rules-0"))
                    .passages()
                    .getFirst();
            assertThat(mates.of(first)).extracting(p -> p.chunk().text()).anyMatch(t -> t.contains("first rule"));

            Files.writeString(corpus.resolve("tiny-rules.md"), rules("The second rule holds."));
            builder.build(library, indexDir);
            index.refresh();

            assertThat(mates.of(first))
                    .extracting(p -> p.chunk().text())
                    .anyMatch(t -> t.contains("second rule"))
                    .noneMatch(t -> t.contains("first rule"));
        }
    }

    /** A document whose one section is cut into several chunks: a long paragraph, then {@code last}. */
    private static String rules(String last) {
        String filler = "Each sentence of this paragraph says a little about the rules of the practice. ".repeat(20);
        return """
                ---
                title: "Tiny Rules"
                slug: tiny-rules
                url: /articles/tiny-rules
                type: article
                lastUpdated: 2026-02-03
                reviewedBy: Test Team
                ---
                # Tiny Rules

                ## The rules

                %s

                %s
                """.formatted(filler.strip(), last);
    }
}
