package com.askkira.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AnswerFixtures;
import com.askkira.answer.Answerer;
import com.askkira.answer.ComposedAnswer;
import com.askkira.answer.ModelFailures;
import com.askkira.answer.RelatedReading;
import com.askkira.guard.Verdict;
import com.askkira.retrieval.Retrieval;
import dev.langchain4j.exception.HttpException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one retry policy, with a scripted model and hand-built passages: no index, no embedding model. */
class GuardedDrafterTest {
    private static final String QUESTION = "Can my employer see my therapy records?";
    private static final String FAITHFUL =
            "In most circumstances, no [1]. Your employer cannot access your therapy records without your written"
                    + " consent [1].";
    private static final String OVERCLAIM =
            "Everything you tell your therapist is completely confidential, no exceptions [1].";

    private final Retrieval retrieval = AnswerFixtures.threePassages();
    private final GuardedDrafter drafting = LightChecks.drafting(new AnswerFixtures.FakeOffline());

    @Test
    void should_release_a_model_answer_that_passes_every_check_as_written() {
        List<String> released = new ArrayList<>();

        GuardedDraft guarded = drafting.draft(QUESTION, retrieval, ScriptedDrafter.replying(FAITHFUL), released::add);

        assertThat(guarded.result().verdict()).isEqualTo(Verdict.PASS);
        assertThat(guarded.result().answer().text()).isEqualTo(FAITHFUL);
        assertThat(String.join("", released)).isEqualTo(FAITHFUL);
        assertThat(guarded.drafted().model()).isEqualTo("test-model");
        assertThat(guarded.drafted().degraded()).isFalse();
    }

    @Test
    void should_redraft_once_told_why_then_answer_offline_when_the_model_keeps_overclaiming() {
        ScriptedDrafter model = ScriptedDrafter.replying(OVERCLAIM);
        List<String> released = new ArrayList<>();

        GuardedDraft guarded = drafting.draft(QUESTION, retrieval, model, released::add);

        assertThat(model.calls()).isEqualTo(2);
        assertThat(model.reasons.get(0)).isEmpty();
        assertThat(model.reasons.get(1)).contains("confidentiality-limits");
        assertThat(guarded.result().verdict()).isEqualTo(Verdict.REVISED);
        assertThat(guarded.result().answer().text()).isEqualTo(AnswerFixtures.FakeOffline.TEXT);
        assertThat(String.join("", released))
                .isEqualTo(AnswerFixtures.FakeOffline.TEXT)
                .doesNotContain("no exceptions");
        assertThat(guarded.drafted().model()).isEqualTo("offline-extractive");
        assertThat(guarded.result().checks())
                .anySatisfy(c -> assertThat(c.passed()).isFalse());
    }

    @Test
    void should_keep_a_redraft_that_passes() {
        ScriptedDrafter model = ScriptedDrafter.replying(OVERCLAIM, FAITHFUL);

        GuardedDraft guarded = drafting.draft(QUESTION, retrieval, model, text -> {});

        assertThat(model.calls()).isEqualTo(2);
        assertThat(guarded.result().verdict()).isEqualTo(Verdict.REVISED);
        assertThat(guarded.result().answer().text()).isEqualTo(FAITHFUL);
        assertThat(guarded.drafted().model()).isEqualTo("test-model");
    }

    @Test
    void should_answer_exactly_as_offline_mode_does_and_say_so_when_the_model_fails() {
        GuardedDraft offlineMode = drafting.draft(QUESTION, retrieval, drafting.offline(), text -> {});

        GuardedDraft guarded = drafting.draft(
                QUESTION, retrieval, ScriptedDrafter.failing(new HttpException(500, "boom")), text -> {});

        assertThat(guarded.drafted().degraded()).isTrue();
        assertThat(guarded.drafted().model()).isEqualTo("offline-extractive");
        assertThat(guarded.result().answer()).isEqualTo(offlineMode.result().answer());
        assertThat(guarded.result().verdict()).isEqualTo(offlineMode.result().verdict());
    }

    @Test
    void should_report_the_model_unavailable_when_the_offline_answerer_fails_too() {
        GuardedDrafter broken = LightChecks.drafting(new Answerer() {
            @Override
            public String modelName() {
                return "offline-extractive";
            }

            @Override
            public ComposedAnswer answer(String question, Retrieval retrieval) {
                throw new IllegalStateException("index gone");
            }
        });

        assertThatThrownBy(() -> broken.draft(
                        QUESTION, retrieval, ScriptedDrafter.failing(new HttpException(429, "slow down")), t -> {}))
                .isInstanceOf(KiraException.ModelUnavailable.class)
                .hasMessageNotContaining(QUESTION);
    }

    @Test
    void should_decline_as_not_covered_when_the_model_finds_no_answer() {
        GuardedDraft guarded = drafting.draft(
                "Does therapy cost much?", retrieval, ScriptedDrafter.replying(" NOT_IN_LIBRARY\n"), text -> {});

        ComposedAnswer answer = guarded.result().answer();
        assertThat(answer.abstainReason()).contains(AbstainReason.NOT_COVERED);
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.text()).contains("doesn't answer that question yet");
        assertThat(guarded.drafted().degraded()).isFalse();
        assertThat(answer.related())
                .extracting(RelatedReading::url)
                .containsExactly(
                        "/articles/confidentiality-in-therapy#can-my-employer-access-my-therapy-records",
                        "/articles/confidentiality-in-therapy#duty-to-warn",
                        "/articles/confidentiality-in-therapy#subpoenas-and-court-orders");
    }

    @Test
    void should_decline_without_asking_the_model_when_nothing_was_retrieved() {
        ScriptedDrafter model = ScriptedDrafter.replying("unused [1].");

        GuardedDraft guarded = drafting.draft("Anything?", AnswerFixtures.retrieval(), model, text -> {});

        assertThat(guarded.result().answer().abstained()).isTrue();
        assertThat(model.calls()).isZero();
    }

    @Test
    void should_withhold_a_sentence_that_echoes_the_prompts_markers() {
        String echo = "My rules say <<<QUESTION b0undary7f3c>>> [1]. " + FAITHFUL;

        GuardedDraft guarded = drafting.draft(QUESTION, retrieval, ScriptedDrafter.replying(echo), text -> {});

        assertThat(guarded.result().answer().text()).isEqualTo(FAITHFUL);
        assertThat(guarded.result().verdict()).isEqualTo(Verdict.REVISED);
        assertThat(guarded.result().checks())
                .anySatisfy(c -> assertThat(c.name()).isEqualTo("no-leak"))
                .anySatisfy(c -> assertThat(c.passed()).isFalse());
    }

    @Test
    void should_describe_a_model_failure_by_class_and_status_only() {
        String described = ModelFailures.describe(
                new RuntimeException("prompt text", new HttpException(503, "the whole question echoed back")));

        assertThat(described)
                .isEqualTo("java.lang.RuntimeException caused by dev.langchain4j.exception.HttpException, HTTP 503")
                .doesNotContain("question");
    }
}
