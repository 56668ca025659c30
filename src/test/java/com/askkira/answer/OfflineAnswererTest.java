package com.askkira.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.AnswerService;
import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfflineAnswererTest {
    private static final Pattern MARKED_SENTENCE = Pattern.compile("(.+?) \\[(\\d+)]([.!?…]*)(?:\\s|$)");

    private final AnswerService answers = TestKira.shared().answers();
    private final HybridRetriever retriever = TestKira.shared().retriever();

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Can my employer see my therapy records?",
                "will my shrink tell my mom what i say",
                "What is the difference between privilege and confidentiality?",
                "Do group members have to keep what I say secret?",
                "What did Tarasoff decide?",
                "Can a subpoena force my therapist to hand over my notes?"
            })
    void should_cite_every_sentence_with_a_verbatim_quote_of_a_retrieved_passage(String question) {
        AnswerResponse response = answers.answer(new AnswerRequest(question, List.of()));

        assertThat(response.abstained()).isFalse();
        assertThat(response.citations()).isNotEmpty();
        List<Integer> markers = CitationMarkers.numbers(response.answer());
        assertThat(markers).isNotEmpty();
        assertThat(response.citations())
                .extracting(Citation::n)
                .containsExactlyInAnyOrderElementsOf(markers.stream().distinct().toList());
        // Retrieved, or of the rest of a retrieved passage's section.
        List<Passage> retrieved = retriever
                .sectionMates()
                .widen(retriever.retrieve(RetrievalQuery.of(question), 6))
                .passages();
        for (Citation c : response.citations()) {
            Passage passage = retrieved.stream()
                    .filter(p -> p.chunk().id().equals(c.chunkId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("cited passage was not retrieved: " + c.chunkId()));
            assertThat(passage.chunk().text()).contains(c.quote());
            assertThat(c.title()).isEqualTo(passage.chunk().title());
            assertThat(c.url()).isEqualTo(passage.chunk().url());
        }
    }

    @Test
    void should_quote_the_rest_of_the_answering_section_when_the_search_ranked_another_of_its_chunks() {
        String question = "Whose privilege is it: can my therapist waive it without me?";
        Retrieval searched = retriever.retrieve(RetrievalQuery.of(question), 6);
        Passage privilege = searched.passages().stream()
                .filter(p -> p.chunk().sectionKey().equals("confidentiality-in-therapy#privilege-vs-confidentiality"))
                .findFirst()
                .orElseThrow();
        // The sentence that answers is in a chunk of that section the search did not rank.
        assertThat(searched.passages()).noneMatch(p -> p.chunk().text().contains("Privilege belongs to the client"));

        AnswerResponse response = answers.answer(new AnswerRequest(question, List.of()));

        assertThat(response.answer()).startsWith("Privilege belongs to the client, not the therapist");
        assertThat(response.citations())
                .anyMatch(c -> c.quote().contains("Privilege belongs to the client")
                        && c.chunkId().startsWith(privilege.chunk().sectionKey() + "-")
                        && !c.chunkId().equals(privilege.chunk().id()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Can my employer see my therapy records?",
                "Is therapy confidential if I pay cash?",
                "Are texts with my counselor private?"
            })
    void should_write_only_sentences_that_stand_in_the_library(String question) {
        AnswerResponse response = answers.answer(new AnswerRequest(question, List.of()));

        Matcher m = MARKED_SENTENCE.matcher(response.answer());
        int sentences = 0;
        while (m.find()) {
            String sentence = m.group(1).strip() + m.group(3);
            int n = Integer.parseInt(m.group(2));
            Citation citation = response.citations().stream()
                    .filter(c -> c.n() == n)
                    .findFirst()
                    .orElseThrow();
            assertThat(citation.quote()).contains(sentence);
            sentences++;
        }
        // Up to three sections, each with what qualifies its best sentence: 6 sentences at the median of
        // the dev answers, 9 at the 90th percentile (session 8).
        assertThat(sentences).isBetween(2, 10);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "How do I bake bread?",
                "Who won the World Cup in 2018?",
                "What's the best way to learn Python?",
                "How do I fix a flat bike tire?"
            })
    void should_abstain_as_out_of_scope_on_questions_outside_the_field(String question) {
        AnswerResponse response = answers.answer(new AnswerRequest(question, List.of()));

        assertThat(response.abstained()).isTrue();
        assertThat(response.abstainReason()).isEqualTo(AbstainReason.OUT_OF_SCOPE);
        assertThat(response.citations()).isEmpty();
        assertThat(response.answer()).doesNotContainPattern("\\[\\d+]").contains("Confidentiality in Therapy");
    }

    @Test
    void should_abstain_as_not_covered_on_field_questions_the_library_does_not_answer() {
        AnswerResponse response =
                answers.answer(new AnswerRequest("What are the side effects of sertraline?", List.of()));

        assertThat(response.abstained()).isTrue();
        assertThat(response.abstainReason()).isEqualTo(AbstainReason.NOT_COVERED);
        assertThat(response.citations()).isEmpty();
    }

    /**
     * The learned decision declines this one as outside the field rather than as a gap (the reason
     * it gives is a matter of its precision, reported by AnswerDecisionTest); it must not answer it.
     */
    @Test
    void should_never_answer_a_medication_question_from_the_confidentiality_library() {
        AnswerResponse response = answers.answer(new AnswerRequest("does lexapro cause weight gain", List.of()));

        assertThat(response.abstained()).isTrue();
        assertThat(response.citations()).isEmpty();
    }

    @Test
    void should_keep_the_sentence_that_opens_the_section_when_the_best_one_is_deeper_in_it() {
        AnswerResponse response = answers.answer(new AnswerRequest(
                "if i start group therapy, can the other members go and repeat what i say to people outside?",
                List.of()));

        assertThat(response.abstained()).isFalse();
        // The best sentence is the bullet on group agreements; the section opens with what frames it.
        assertThat(response.answer())
                .contains("Group agreements:")
                .contains("the therapist cannot legally guarantee the confidentiality of information shared among group"
                        + " members");
    }
}
