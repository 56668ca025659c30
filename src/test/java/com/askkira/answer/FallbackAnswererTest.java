package com.askkira.answer;

import static com.askkira.answer.AnswerFixtures.threePassages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.askkira.retrieval.Retrieval;
import dev.langchain4j.exception.HttpException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackAnswererTest {
    private final Retrieval retrieval = threePassages();
    private final ComposedAnswer modelAnswer = ComposedAnswer.answered("From the model.", List.of());

    @Test
    void should_pass_the_models_answer_through_undegraded() {
        FallbackAnswerer answerer =
                new FallbackAnswerer(answering("gpt-4o-mini", modelAnswer), new AnswerFixtures.FakeOffline());

        Drafted drafted = answerer.draft("q?", retrieval);

        assertThat(drafted).isEqualTo(new Drafted(modelAnswer, "gpt-4o-mini", false));
        assertThat(answerer.modelName()).isEqualTo("gpt-4o-mini");
        assertThat(answerer.answer("q?", retrieval)).isEqualTo(modelAnswer);
    }

    @Test
    void should_answer_offline_and_say_so_when_the_model_fails() {
        FallbackAnswerer answerer =
                new FallbackAnswerer(failing(new HttpException(500, "boom")), new AnswerFixtures.FakeOffline());

        Drafted drafted = answerer.draft("q?", retrieval);

        assertThat(drafted.degraded()).isTrue();
        assertThat(drafted.model()).isEqualTo("offline-extractive");
        assertThat(drafted.answer().text()).isEqualTo(AnswerFixtures.FakeOffline.TEXT);
    }

    @Test
    void should_report_the_model_unavailable_when_the_fallback_fails_too() {
        FallbackAnswerer answerer = new FallbackAnswerer(
                failing(new HttpException(429, "slow down")), failing(new IllegalStateException()));

        assertThatThrownBy(() -> answerer.draft("q?", retrieval))
                .isInstanceOf(NoAnswerAvailableException.class)
                .hasMessageNotContaining("q?");
    }

    @Test
    void should_describe_a_failure_by_class_and_status_only() {
        String described = FallbackAnswerer.describe(
                new RuntimeException("prompt text", new HttpException(503, "the whole question echoed back")));

        assertThat(described)
                .isEqualTo("java.lang.RuntimeException caused by dev.langchain4j.exception.HttpException, HTTP 503")
                .doesNotContain("question");
    }

    @Test
    void should_tag_a_plain_answerer_as_undegraded() {
        Drafted drafted = new AnswerFixtures.FakeOffline().draft("q?", retrieval);

        assertThat(drafted.degraded()).isFalse();
        assertThat(drafted.model()).isEqualTo("offline-extractive");
    }

    private static Answerer answering(String name, ComposedAnswer answer) {
        return new Answerer() {
            @Override
            public String modelName() {
                return name;
            }

            @Override
            public ComposedAnswer answer(String question, Retrieval retrieval) {
                return answer;
            }
        };
    }

    private static Answerer failing(RuntimeException failure) {
        return new Answerer() {
            @Override
            public String modelName() {
                return "failing";
            }

            @Override
            public ComposedAnswer answer(String question, Retrieval retrieval) {
                throw failure;
            }
        };
    }
}
