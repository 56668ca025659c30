package com.askkira.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.answer.AnswerFixtures;
import com.askkira.config.ModelCircuitSettings;
import com.askkira.retrieval.Retrieval;
import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What opens the breaker and what does not, with a scripted model: no server, no index. */
class ModelCircuitTest {
    private static final String QUESTION = "Can my employer see my therapy records?";
    private static final String OVERCLAIM =
            "Everything you tell your therapist is completely confidential, no exceptions [1].";

    private final Retrieval retrieval = AnswerFixtures.threePassages();

    @Test
    void should_stop_calling_a_failing_model_after_the_minimum_of_calls() {
        ModelCircuit circuit = new ModelCircuit(ModelCircuitSettings.defaults());
        GuardedDrafter drafting = drafting(circuit);
        ScriptedDrafter model = ScriptedDrafter.failing(new HttpException(500, "boom"));

        for (int i = 0; i < 8; i++) {
            GuardedDraft guarded = drafting.draft(QUESTION, retrieval, model, text -> {});
            assertThat(guarded.drafted().degraded()).isTrue();
        }

        assertThat(model.calls()).isEqualTo(ModelCircuitSettings.defaults().minimumCalls());
        assertThat(circuit.state()).isEqualTo(ModelCircuit.State.OPEN);
    }

    @Test
    void should_not_open_for_answers_the_guardrail_rejects_since_the_server_answered() {
        ModelCircuit circuit = new ModelCircuit(ModelCircuitSettings.defaults());
        GuardedDrafter drafting = drafting(circuit);
        ScriptedDrafter model = ScriptedDrafter.replying(OVERCLAIM);

        for (int i = 0; i < 6; i++) {
            drafting.draft(QUESTION, retrieval, model, text -> {});
        }

        assertThat(model.calls()).as("a first attempt and a redraft each time").isEqualTo(12);
        assertThat(circuit.state()).isEqualTo(ModelCircuit.State.CLOSED);
    }

    @Test
    void should_call_the_model_every_time_when_turned_off() {
        ModelCircuit circuit = new ModelCircuit(ModelCircuitSettings.defaults().openFor(Duration.ZERO));
        GuardedDrafter drafting = drafting(circuit);
        ScriptedDrafter model = ScriptedDrafter.failing(new HttpException(503, "down"));

        for (int i = 0; i < 8; i++) {
            drafting.draft(QUESTION, retrieval, model, text -> {});
        }

        assertThat(model.calls()).isEqualTo(8);
        assertThat(circuit.state()).isEqualTo(ModelCircuit.State.DISABLED);
    }

    private static GuardedDrafter drafting(ModelCircuit circuit) {
        return new GuardedDrafter(
                LightChecks.judge(),
                new AnswerFixtures.FakeOffline(),
                AnswerFixtures.abstentions(),
                circuit,
                PipelineMeter.NONE);
    }
}
