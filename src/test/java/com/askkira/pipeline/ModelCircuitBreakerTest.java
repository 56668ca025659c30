package com.askkira.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.OpenAiWire;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker around model calls, with LangChain4j's real OpenAI clients (blocking and
 * streaming) against an OpenAI-compatible server on this machine (WireMock): after repeated
 * failures Kira stops calling the server (its request count proves it) and answers offline; after
 * the pause it tries again and closes when the server answers.
 */
class ModelCircuitBreakerTest {
    private static final AnswerRequest QUESTION =
            new AnswerRequest("Can my employer see my therapy records?", List.of());
    private static final String FAITHFUL =
            "In most circumstances, no: your employer cannot access your therapy records without your"
                    + " written consent [1].";
    /** The default minimum of calls the breaker judges on (ModelCircuitSettings.MINIMUM_CALLS). */
    private static final int MINIMUM_CALLS = 5;

    private static final long OPEN_MS = 1_000;

    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private Kira kira;

    @AfterEach
    void stop() throws Exception {
        if (kira != null) {
            kira.close();
        }
        server.stop();
    }

    @Test
    void should_stop_calling_a_model_that_keeps_failing_and_answer_offline_meanwhile() {
        start(failing(500), 30_000);
        AnswerResponse offline = TestKira.shared().answers().answer(QUESTION);

        for (int i = 0; i < MINIMUM_CALLS; i++) {
            assertThat(kira.answers().answer(QUESTION).degraded()).isTrue();
        }
        assertThat(calls()).isEqualTo(MINIMUM_CALLS);
        assertThat(kira.readiness().model().breaker()).isEqualTo("open");

        List<AnswerResponse> whileOpen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            whileOpen.add(kira.answers().answer(QUESTION));
        }
        List<String> streamed = new ArrayList<>();
        whileOpen.add(kira.answers().stream(QUESTION, streamed::add));

        assertThat(calls())
                .as("no call reaches the model while the breaker is open")
                .isEqualTo(MINIMUM_CALLS);
        assertThat(whileOpen).allSatisfy(response -> {
            assertThat(response.degraded()).isTrue();
            assertThat(response.model()).isEqualTo("offline-extractive");
            assertThat(response.answer()).isEqualTo(offline.answer());
            assertThat(response.citations()).isEqualTo(offline.citations());
        });
        assertThat(String.join("", streamed)).isEqualTo(offline.answer());
        assertThat(kira.readiness().status()).isEqualTo("degraded");
        assertThat(kira.metrics().scrape())
                .contains("kira_model_calls_total{outcome=\"failed\"} 5.0")
                .contains("kira_model_calls_total{outcome=\"short_circuited\"} 4.0")
                .contains("kira_model_fallbacks_total{reason=\"breaker_open\"} 4.0")
                .contains("kira_model_breaker_state{state=\"open\"} 1.0");
    }

    @Test
    void should_open_after_calls_that_time_out() {
        start(aResponse().withFixedDelay(3_000).withBody(OpenAiWire.completion(FAITHFUL)), 300);

        for (int i = 0; i < MINIMUM_CALLS; i++) {
            assertThat(kira.answers().answer(QUESTION).degraded()).isTrue();
        }
        assertThat(kira.readiness().model().breaker()).isEqualTo("open");

        long start = System.nanoTime();
        AnswerResponse whileOpen = kira.answers().answer(QUESTION);

        assertThat(whileOpen.degraded()).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("answered without waiting on the model's timeout")
                .isLessThan(300);
        assertThat(calls()).isEqualTo(MINIMUM_CALLS);
    }

    @Test
    void should_try_the_model_again_after_the_pause_and_close_when_it_answers() throws Exception {
        start(failing(503), 30_000);
        for (int i = 0; i < MINIMUM_CALLS; i++) {
            kira.answers().answer(QUESTION);
        }
        assertThat(kira.readiness().model().breaker()).isEqualTo("open");
        server.resetMappings();
        stub(answering(FAITHFUL));

        assertThat(kira.answers().answer(QUESTION).degraded())
                .as("still open before the pause is over")
                .isTrue();
        assertThat(calls()).isEqualTo(MINIMUM_CALLS);
        Thread.sleep(OPEN_MS + 200);

        AnswerResponse first = kira.answers().answer(QUESTION);
        AnswerResponse second = kira.answers().answer(QUESTION);

        assertThat(List.of(first, second)).allSatisfy(response -> {
            assertThat(response.degraded()).isFalse();
            assertThat(response.model()).isEqualTo("gpt-4o-mini");
            assertThat(response.answer()).isEqualTo(FAITHFUL);
        });
        assertThat(calls()).isEqualTo(MINIMUM_CALLS + 2);
        assertThat(kira.readiness().model().breaker()).isEqualTo("closed");
        assertThat(kira.readiness().status()).isEqualTo("ready");
    }

    private void start(ResponseDefinitionBuilder response, int timeoutMs) {
        server.start();
        stub(response);
        KiraConfig shared = TestKira.sharedConfig();
        Map<String, String> env = new HashMap<>();
        env.put("KIRA_CORPUS_DIR", shared.corpusDir().toString());
        env.put("KIRA_INDEX_DIR", shared.indexDir().toString());
        env.put("KIRA_MODEL_PROVIDER", "openai");
        env.put("KIRA_MODEL_BASE_URL", server.baseUrl() + "/v1");
        env.put("KIRA_MODEL_TIMEOUT_MS", Integer.toString(timeoutMs));
        env.put("KIRA_MODEL_BREAKER_OPEN_MS", Long.toString(OPEN_MS));
        kira = Kira.start(KiraConfig.fromEnvironment(env), new PrintStream(PrintStream.nullOutputStream()));
    }

    private void stub(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(response));
    }

    private int calls() {
        return server.countRequestsMatching(
                        postRequestedFor(urlPathEqualTo("/v1/chat/completions")).build())
                .getCount();
    }

    private static ResponseDefinitionBuilder failing(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
    }

    private static ResponseDefinitionBuilder answering(String text) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(OpenAiWire.completion(text));
    }
}
