package com.askkira.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SectionMatesTest {
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
}
