package com.askkira.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpRetrievalTest {
    private final HybridRetriever retriever = TestKira.shared().retriever();

    @Test
    void should_resolve_a_follow_up_against_the_earlier_question() {
        List<Turn> history = List.of(
                new Turn(Turn.Role.USER, "Is my video therapy session private?"),
                new Turn(Turn.Role.ASSISTANT, "Clinicians are required to use HIPAA-compliant video platforms [1]."));

        Retrieval retrieval = retriever.retrieve(new RetrievalQuery("Does that include emails?", history), 3);

        assertThat(retrieval.passages())
                .anySatisfy(p -> assertThat(p.chunk().text().toLowerCase()).contains("email"));
        assertThat(retrieval.searchText()).contains("video therapy");
    }

    @Test
    void should_not_drag_history_into_a_question_that_stands_on_its_own() {
        List<Turn> history = List.of(new Turn(Turn.Role.USER, "Is my video therapy session private?"));

        Retrieval retrieval = retriever.retrieve(
                new RetrievalQuery(
                        "What did the Supreme Court decide in Jaffee v. Redmond about psychotherapist privilege?",
                        history),
                3);

        assertThat(retrieval.searchText()).doesNotContain("video");
        assertThat(retrieval.passages().getFirst().chunk().docSlug()).isEqualTo("jaffee-v-redmond");
    }

    @Test
    void should_mend_misspellings_from_the_library_vocabulary() {
        Retrieval retrieval =
                retriever.retrieve(RetrievalQuery.of("can my therapsit break confidentallity for a subpena"), 3);

        assertThat(retrieval.searchText()).contains("confidentiality").contains("subpoena");
    }

    @Test
    void should_put_one_passage_per_section_at_the_top() {
        Retrieval retrieval =
                retriever.retrieve(RetrievalQuery.of("What are the mandatory exceptions to confidentiality?"), 5);

        assertThat(retrieval.passages()).extracting(p -> p.chunk().sectionKey()).doesNotHaveDuplicates();
    }
}
