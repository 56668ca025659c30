package com.askkira.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AnswerFixtures;
import com.askkira.answer.SmallTalk;
import com.askkira.guard.InputScreen;
import com.askkira.guard.UnsafeRequests;
import com.askkira.language.SpanishGloss;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Retriever;
import com.askkira.safety.CrisisAssessment;
import com.askkira.safety.CrisisScreen;
import com.askkira.safety.RiskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The steps of one answer, with fakes at every seam: no index, no embedding model, no server. */
class AnswerPolicyTest {
    private static final String FAITHFUL =
            "Your employer cannot access your therapy records without your written consent [1].";

    private final List<RetrievalQuery> searched = new ArrayList<>();
    private final Retriever retriever = (query, k) -> {
        searched.add(query);
        return AnswerFixtures.threePassages();
    };
    private final ScriptedDrafter streamingModel = ScriptedDrafter.replying(FAITHFUL);
    private final ScriptedDrafter wholeModel = ScriptedDrafter.replying(FAITHFUL);

    @Test
    void should_decline_a_diagnosis_request_before_retrieval_and_before_any_model() {
        AnswerPolicy policy = policy(noRisk(), question -> true);

        AnswerResponse response = answer(policy, "Do I have PTSD?", AnswerPolicy.Delivery.WHOLE);

        assertThat(response.abstainReason()).isEqualTo(AbstainReason.UNSAFE);
        assertThat(searched).isEmpty();
        assertThat(wholeModel.calls()).isZero();
    }

    @Test
    void should_give_help_lines_not_a_refusal_to_a_reader_at_risk_who_asks_for_a_diagnosis() {
        AnswerPolicy policy = policy(risk(true), question -> true);

        AnswerResponse response =
                answer(policy, "I cut myself again. Do I have depression?", AnswerPolicy.Delivery.WHOLE);

        assertThat(response.safety().crisis()).isTrue();
        assertThat(response.abstained()).isFalse();
        assertThat(response.model()).isEqualTo("crisis-support");
        assertThat(searched).isEmpty();
    }

    @Test
    void should_give_help_lines_alone_without_retrieval_or_a_model_to_a_reader_at_risk_now() {
        AnswerPolicy policy = policy(risk(false), question -> false);

        AnswerResponse response = answer(policy, "I have the pills saved up for tonight", AnswerPolicy.Delivery.WHOLE);

        assertThat(response.safety().crisis()).isTrue();
        assertThat(response.citations()).isEmpty();
        assertThat(response.model()).isEqualTo("crisis-support");
        assertThat(searched).isEmpty();
        assertThat(wholeModel.calls()).isZero();
    }

    @Test
    void should_answer_help_first_from_the_offline_answerer_never_the_model() {
        AnswerPolicy policy = policy(risk(true), question -> false);

        AnswerResponse response =
                answer(policy, "I cut myself. Will my therapist tell my employer?", AnswerPolicy.Delivery.STREAMED);

        assertThat(response.safety().crisis()).isTrue();
        assertThat(response.answer()).contains("About your question: " + AnswerFixtures.FakeOffline.TEXT);
        assertThat(response.model()).isEqualTo("offline-extractive");
        assertThat(streamingModel.calls()).isZero();
        assertThat(wholeModel.calls()).isZero();
    }

    @Test
    void should_give_the_lifelines_spanish_options_to_a_reader_writing_in_spanish() {
        AnswerPolicy policy = policy(risk(false), question -> false);

        AnswerResponse response = answer(policy, "ya no quiero vivir, esta noche lo hago", AnswerPolicy.Delivery.WHOLE);

        assertThat(response.answer()).contains("AYUDA").contains("marca 2");
        assertThat(response.safety().resources())
                .anySatisfy(r -> assertThat(r.contact()).contains("AYUDA"));
    }

    @Test
    void should_answer_a_spanish_question_from_the_english_library_and_say_so_in_spanish() {
        AnswerPolicy policy = policy(noRisk(), question -> false);
        List<String> deltas = new ArrayList<>();

        AnswerResponse response = policy.answer(
                        new AnswerRequest("¿Mi jefe puede ver mis notas de terapia?", List.of()),
                        AnswerPolicy.Delivery.STREAMED,
                        deltas::add)
                .response();

        assertThat(response.answer()).startsWith(FAITHFUL).endsWith(AnswerPolicy.LIBRARY_IN_ENGLISH);
        assertThat(String.join("", deltas)).isEqualTo(response.answer());
    }

    @Test
    void should_redact_personal_data_before_retrieval() {
        AnswerPolicy policy = policy(noRisk(), question -> false);

        AnswerPolicy.Answered answered = policy.answer(
                new AnswerRequest(
                        "I'm Sarah Johnson, call me at (555) 123-4567. Can my boss see my records?", List.of()),
                AnswerPolicy.Delivery.WHOLE,
                text -> {});

        assertThat(searched.getFirst().question()).doesNotContain("555").doesNotContain("Sarah");
        assertThat(answered.question()).doesNotContain("555").doesNotContain("Sarah");
    }

    @Test
    void should_stream_exactly_the_text_it_returns_and_use_each_deliverys_model() {
        AnswerPolicy policy = policy(noRisk(), question -> false);
        List<String> deltas = new ArrayList<>();

        AnswerResponse streamed = policy.answer(
                        new AnswerRequest("Can my employer see my therapy records?", List.of()),
                        AnswerPolicy.Delivery.STREAMED,
                        deltas::add)
                .response();
        AnswerResponse whole = answer(policy, "Can my employer see my therapy records?", AnswerPolicy.Delivery.WHOLE);

        assertThat(String.join("", deltas)).isEqualTo(streamed.answer()).isEqualTo(FAITHFUL);
        assertThat(whole.answer()).isEqualTo(streamed.answer());
        assertThat(streamingModel.calls()).isEqualTo(1);
        assertThat(wholeModel.calls()).isEqualTo(1);
        assertThat(streamed.id()).isNotEqualTo(whole.id());
    }

    private AnswerResponse answer(AnswerPolicy policy, String question, AnswerPolicy.Delivery delivery) {
        return policy.answer(new AnswerRequest(question, List.of()), delivery, text -> {})
                .response();
    }

    private AnswerPolicy policy(CrisisScreen crisis, UnsafeRequests unsafe) {
        GuardedDrafter drafting = LightChecks.drafting(new AnswerFixtures.FakeOffline());
        int[] id = {0};
        return new AnswerPolicy(
                new InputScreen(new PiiRedactor(), crisis, unsafe, SpanishGloss.fromResources()),
                new SmallTalk("confidentiality in therapy"),
                retriever,
                drafting,
                streamingModel,
                wholeModel,
                LightChecks.judge(),
                AnswerFixtures.abstentions(),
                () -> "ans_" + id[0]++,
                CpuLane.forCores(8),
                PipelineMeter.NONE);
    }

    private static CrisisScreen noRisk() {
        return (message, history) -> new CrisisAssessment(false, Set.of(), "none");
    }

    private static CrisisScreen risk(boolean answerToo) {
        return (message, history) -> new CrisisAssessment(true, Set.of(RiskKind.SELF_HARM), "test", answerToo);
    }
}
