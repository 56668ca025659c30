package com.askkira.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.answer.AbstainReason;
import com.askkira.answer.Citation;
import com.askkira.guard.Verdict;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What happens to a model answer that fails a check: one redraft, told why; then the offline
 * answer for the same passages. The overclaim itself never reaches the reader.
 */
class ModelAnswerPolicyTest {
    @Test
    void should_redraft_once_then_answer_offline_when_the_model_keeps_overclaiming() throws Exception {
        String overclaim =
                "Nothing you say in therapy ever leaves the room, period [1]. Your therapist can never tell anyone [1].";
        try (StubModelServer model = new StubModelServer(overclaim)) {
            AnswerResponse response = model.answers()
                    .answer(new AnswerRequest("Is everything I tell my therapist confidential?", List.of()));

            assertThat(response.answer()).doesNotContain("leaves the room").doesNotContain("never tell anyone");
            assertThat(response.guardrail().verdict()).isEqualTo(Verdict.REVISED);
            assertThat(response.model()).isEqualTo("offline-extractive");
            assertThat(response.citations()).isNotEmpty();
            List<String> sent = model.received();
            assertThat(sent).hasSize(2);
            assertThat(sent.get(1)).contains("was rejected");
            assertThat(response.guardrail().checks())
                    .anySatisfy(c -> assertThat(c.passed()).isFalse());
        }
    }

    @Test
    void should_return_a_model_answer_that_passes_every_check_as_written() throws Exception {
        String faithful = "In most circumstances, no: your employer cannot access your therapy records without your"
                + " written consent [1].";
        try (StubModelServer model = new StubModelServer(faithful)) {
            AnswerResponse response =
                    model.answers().answer(new AnswerRequest("Can my employer see my therapy records?", List.of()));

            assertThat(response.guardrail().verdict()).isEqualTo(Verdict.PASS);
            assertThat(response.answer()).isEqualTo(faithful);
            assertThat(response.model()).isEqualTo("gpt-4o-mini");
            assertThat(model.received()).hasSize(1);
        }
    }

    @Test
    void should_keep_a_faithful_paraphrase_that_joins_two_sentences_of_its_passage() throws Exception {
        String paraphrase = "Without your written consent your employer cannot get at your therapy records, since HIPAA"
                + " and state confidentiality laws shield mental health records from employers [1].";
        try (StubModelServer model = new StubModelServer(paraphrase)) {
            AnswerResponse response =
                    model.answers().answer(new AnswerRequest("Can my employer see my therapy records?", List.of()));

            assertThat(response.answer()).isEqualTo(paraphrase);
            assertThat(response.guardrail().verdict()).isEqualTo(Verdict.PASS);
            assertThat(response.model()).isEqualTo("gpt-4o-mini");
        }
    }

    @Test
    void should_relink_a_true_sentence_that_cites_the_wrong_retrieved_passage() throws Exception {
        String question = "Can my employer see my therapy records?";
        Retrieval retrieval = TestKira.shared().retriever().retrieve(new RetrievalQuery(question, List.of()), 6);
        Passage employer = retrieval.passages().getFirst();
        int wrong = 2;
        String sentence = employer.chunk().sentences().get(1).text();
        String reply = sentence.replaceFirst("\\.$", " [" + wrong + "].");
        try (StubModelServer model = new StubModelServer(reply)) {
            AnswerResponse response = model.answers().answer(new AnswerRequest(question, List.of()));

            assertThat(response.answer()).isEqualTo(sentence.replaceFirst("\\.$", " [1]."));
            assertThat(response.citations())
                    .extracting(Citation::chunkId)
                    .containsExactly(employer.chunk().id());
            assertThat(response.guardrail().verdict()).isEqualTo(Verdict.REVISED);
            assertThat(model.received()).hasSize(1);
        }
    }

    @Test
    void should_decline_as_not_covered_a_model_answer_that_quotes_the_nearest_passage_to_a_gap() throws Exception {
        String gap = "How many years must my therapist keep my file after I stop seeing her?";
        Passage nearest = TestKira.shared()
                .retriever()
                .retrieve(new RetrievalQuery(gap, List.of()), 6)
                .passages()
                .getFirst();
        String sentence = nearest.chunk().sentences().getFirst().text();
        try (StubModelServer model = new StubModelServer(sentence.replaceFirst("\\.$", " [1]."))) {
            AnswerResponse response = model.answers().answer(new AnswerRequest(gap, List.of()));

            assertThat(response.abstained()).isTrue();
            assertThat(response.abstainReason()).isEqualTo(AbstainReason.NOT_COVERED);
            assertThat(response.related()).isNotEmpty();
            assertThat(response.answer()).doesNotContain(sentence);
            assertThat(response.guardrail().checks()).anySatisfy(c -> {
                assertThat(c.name()).isEqualTo("relevant");
                assertThat(c.passed()).isFalse();
            });
        }
    }

    @Test
    void should_answer_exactly_as_offline_mode_does_when_the_model_fails() throws Exception {
        AnswerRequest request = new AnswerRequest(
                "Can my therapist tell my parents what I say?",
                List.of(new Turn(Turn.Role.USER, "I'm 16 and see a counselor.")));
        AnswerResponse offline = TestKira.shared().answers().answer(request);
        try (StubModelServer model = StubModelServer.failingWith(500)) {
            AnswerResponse response = model.answers().answer(request);

            assertThat(response.degraded()).isTrue();
            assertThat(response.model()).isEqualTo("offline-extractive");
            assertThat(response.answer()).isEqualTo(offline.answer());
            assertThat(response.citations()).isEqualTo(offline.citations());
            assertThat(response.abstained()).isEqualTo(offline.abstained());
        }
    }
}
