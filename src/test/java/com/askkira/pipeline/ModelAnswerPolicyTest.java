package com.askkira.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.guard.Verdict;
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
}
