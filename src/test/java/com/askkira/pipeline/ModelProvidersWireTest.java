package com.askkira.pipeline;

import static com.askkira.answer.AnswerFixtures.threePassages;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AnswerFixtures;
import com.askkira.answer.BlockingModelDrafter;
import com.askkira.answer.ChatModels;
import com.askkira.answer.Citation;
import com.askkira.answer.ComposedAnswer;
import com.askkira.answer.Drafted;
import com.askkira.config.KiraConfig;
import com.askkira.retrieval.Retrieval;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each provider's real wire format, served by WireMock on this machine: a blocking call that
 * succeeds becomes a cited answer; every way a call can fail becomes the offline answer, degraded.
 */
class ModelProvidersWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "Can my employer see my therapy records?";
    private static final String REPLY =
            "In most cases your employer cannot access your therapy records without your written"
                    + " consent [1]. A threat of violence to an identifiable person is an exception [2]. The rules vary by state [2].";
    private static final int TIMEOUT_MS = 500;

    private static WireMockServer server;

    private final Retrieval retrieval = threePassages();

    enum Provider {
        OPENAI("/v1/chat/completions", "/v1"),
        OLLAMA("/api/chat", ""),
        ANTHROPIC("/v1/messages", "/v1");

        final String path;
        final String basePath;

        Provider(String path, String basePath) {
            this.path = path;
            this.basePath = basePath;
        }

        /** A successful, non-streaming reply exactly as the provider's server sends it. */
        String reply(String text) {
            ObjectNode body = JSON.createObjectNode();
            switch (this) {
                case OPENAI -> {
                    body.put("id", "chatcmpl-abc123")
                            .put("object", "chat.completion")
                            .put("created", 1764000000)
                            .put("model", "gpt-4o-mini-2024-07-18");
                    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
                    choice.putObject("message")
                            .put("role", "assistant")
                            .put("content", text)
                            .putNull("refusal");
                    choice.putNull("logprobs");
                    choice.put("finish_reason", "stop");
                    body.putObject("usage")
                            .put("prompt_tokens", 812)
                            .put("completion_tokens", 41)
                            .put("total_tokens", 853);
                    body.put("system_fingerprint", "fp_0ba0d124f1");
                }
                case OLLAMA -> {
                    body.put("model", "llama3.1").put("created_at", "2026-11-27T21:00:00.123456Z");
                    body.putObject("message").put("role", "assistant").put("content", text);
                    body.put("done_reason", "stop")
                            .put("done", true)
                            .put("total_duration", 4_883_583_458L)
                            .put("load_duration", 1_334_875)
                            .put("prompt_eval_count", 812)
                            .put("prompt_eval_duration", 342_546_000)
                            .put("eval_count", 41)
                            .put("eval_duration", 4_535_599_000L);
                }
                case ANTHROPIC -> {
                    body.put("id", "msg_01XFDUDYJgAACzvnptvVoYEL")
                            .put("type", "message")
                            .put("role", "assistant")
                            .put("model", "claude-3-5-haiku-20241022");
                    body.putArray("content").addObject().put("type", "text").put("text", text);
                    body.put("stop_reason", "end_turn").putNull("stop_sequence");
                    body.putObject("usage").put("input_tokens", 812).put("output_tokens", 41);
                }
            }
            return body.toString();
        }

        /** The provider's own error body. */
        String error(String type, String message) {
            return switch (this) {
                case OPENAI ->
                    "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type
                            + "\",\"param\":null,\"code\":null}}";
                case OLLAMA -> "{\"error\":\"" + message + "\"}";
                case ANTHROPIC ->
                    "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
            };
        }
    }

    enum Failure {
        HTTP_500,
        HTTP_429,
        SLOWER_THAN_THE_TIMEOUT,
        MALFORMED_JSON,
        CONNECTION_REFUSED
    }

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        // A cold JVM loads each client's HTTP and JSON classes on its first call, which can take
        // longer than the short timeout these tests use: warm every provider up once.
        for (Provider provider : Provider.values()) {
            server.stubFor(post(urlPathEqualTo(provider.path)).willReturn(okJson(provider.reply(REPLY))));
            new ModelProvidersWireTest().draft(provider, server.baseUrl() + provider.basePath, QUESTION);
        }
        server.resetAll();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    void should_turn_a_successful_reply_into_a_cited_answer_with_verbatim_quotes(Provider provider) {
        server.stubFor(post(urlPathEqualTo(provider.path)).willReturn(okJson(provider.reply(REPLY))));

        Drafted drafted = draft(provider, baseUrl(provider), QUESTION);

        assertThat(drafted.degraded()).isFalse();
        assertThat(drafted.model()).isEqualTo("test-model");
        ComposedAnswer answer = drafted.answer();
        assertThat(answer.abstained()).isFalse();
        assertThat(answer.text()).isEqualTo(REPLY);
        assertThat(answer.citations()).hasSize(2);
        Citation first = answer.citations().get(0);
        assertThat(first.n()).isEqualTo(1);
        assertThat(first.chunkId())
                .isEqualTo(retrieval.passages().get(0).chunk().id());
        assertThat(first.quote())
                .isEqualTo("Your employer cannot access your therapy records without your written consent.");
        Citation second = answer.citations().get(1);
        assertThat(second.n()).isEqualTo(2);
        assertThat(second.chunkId())
                .isEqualTo(retrieval.passages().get(1).chunk().id());
        assertThat(second.quote()).isEqualTo(AnswerFixtures.DUTY_TO_WARN);
        assertThat(second.sentences())
                .containsExactly(
                        "Therapists must break confidentiality when a client poses a serious threat of violence to an"
                                + " identifiable person.",
                        "The exact rules vary by state.");
        for (Citation c : answer.citations()) {
            assertThat(retrieval.passages().get(c.n() - 1).chunk().text()).contains(c.quote());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    void should_send_the_rules_the_numbered_passages_and_the_question(Provider provider) throws IOException {
        server.stubFor(post(urlPathEqualTo(provider.path)).willReturn(okJson(provider.reply(REPLY))));

        draft(provider, baseUrl(provider), QUESTION);

        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(provider.path)));
        assertThat(requests).hasSize(1);
        JsonNode body = JSON.readTree(requests.getFirst().getBodyAsString());
        String system = switch (provider) {
            case OPENAI, OLLAMA -> {
                assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
                assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
                yield body.at("/messages/0/content").asText();
            }
            case ANTHROPIC -> {
                assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
                yield texts(body.get("system"));
            }
        };
        String user = texts(body.at("/messages/" + (provider == Provider.ANTHROPIC ? 0 : 1) + "/content"));
        assertThat(system)
                .contains("You are Kira")
                .contains("using ONLY the numbered library passages")
                .contains("reply with exactly NOT_IN_LIBRARY and nothing else");
        assertThat(user)
                .contains("<<<PASSAGE [1] ")
                .contains("<<<PASSAGE [2] ")
                .contains("<<<PASSAGE [3] ")
                .contains("Section: Can my employer access my therapy records?")
                .contains(AnswerFixtures.EMPLOYER)
                .contains(AnswerFixtures.DUTY_TO_WARN)
                .contains(AnswerFixtures.SUBPOENA)
                .contains(QUESTION);
        assertThat(body.at("/model").asText()).isEqualTo("test-model");
        JsonNode temperature = provider == Provider.OLLAMA ? body.at("/options/temperature") : body.at("/temperature");
        assertThat(temperature.asDouble(-1)).isZero();
        if (provider == Provider.ANTHROPIC) {
            assertThat(requests.getFirst().getHeader("x-api-key")).isEqualTo("test-key");
            assertThat(requests.getFirst().containsHeader("anthropic-version")).isTrue();
        } else if (provider == Provider.OPENAI) {
            assertThat(requests.getFirst().getHeader("Authorization")).isEqualTo("Bearer test-key");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Provider.class)
    void should_abstain_as_not_covered_when_the_model_replies_not_in_library(Provider provider) {
        server.stubFor(post(urlPathEqualTo(provider.path)).willReturn(okJson(provider.reply("NOT_IN_LIBRARY"))));

        Drafted drafted = draft(provider, baseUrl(provider), "How much does therapy cost?");

        assertThat(drafted.degraded()).isFalse();
        assertThat(drafted.answer().abstainReason()).contains(AbstainReason.NOT_COVERED);
        assertThat(drafted.answer().citations()).isEmpty();
        assertThat(AbstainReason.NOT_COVERED.wireName()).isEqualTo("not_covered");
    }

    static Stream<Arguments> failures() {
        return Arrays.stream(Provider.values())
                .flatMap(provider -> Arrays.stream(Failure.values()).map(failure -> Arguments.of(provider, failure)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("failures")
    void should_answer_offline_marked_degraded_when_the_model_fails(Provider provider, Failure failure)
            throws IOException {
        String baseUrl = baseUrl(provider);
        switch (failure) {
            case HTTP_500 ->
                stub(
                        provider,
                        aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "application/json")
                                .withBody(provider.error("api_error", "Internal server error")));
            case HTTP_429 ->
                stub(
                        provider,
                        aResponse()
                                .withStatus(429)
                                .withHeader("Content-Type", "application/json")
                                .withHeader("Retry-After", "20")
                                .withBody(provider.error("rate_limit_error", "Rate limit reached")));
            case SLOWER_THAN_THE_TIMEOUT ->
                stub(provider, okJson(provider.reply(REPLY)).withFixedDelay(TIMEOUT_MS * 4));
            case MALFORMED_JSON -> stub(provider, okJson("{\"choices\": [{\"message\": {\"content\": \"In most"));
            case CONNECTION_REFUSED -> baseUrl = "http://127.0.0.1:" + closedPort() + provider.basePath;
        }

        long start = System.nanoTime();
        Drafted drafted = draft(provider, baseUrl, QUESTION);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(drafted.degraded()).isTrue();
        assertThat(drafted.model()).isEqualTo("offline-extractive");
        assertThat(drafted.answer().text()).isEqualTo(AnswerFixtures.FakeOffline.TEXT);
        assertThat(millis).as("gives up within the timeout, without retrying").isLessThan(TIMEOUT_MS * 3L);
        if (failure != Failure.CONNECTION_REFUSED) {
            assertThat(server.findAll(postRequestedFor(urlPathEqualTo(provider.path))))
                    .as("tried once")
                    .hasSize(1);
        }
    }

    private static void stub(Provider provider, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(provider.path)).willReturn(response));
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
    }

    /** The answer as Kira's one policy gives it: the model's reply judged, the offline answer if it fails. */
    private Drafted draft(Provider provider, String baseUrl, String question) {
        Map<String, String> env = new HashMap<>();
        env.put("KIRA_MODEL_PROVIDER", provider.name().toLowerCase(Locale.ROOT));
        env.put("KIRA_MODEL_BASE_URL", baseUrl);
        env.put("KIRA_MODEL_NAME", "test-model");
        env.put("KIRA_MODEL_API_KEY", "test-key");
        env.put("KIRA_MODEL_TIMEOUT_MS", Integer.toString(TIMEOUT_MS));
        KiraConfig config = KiraConfig.fromEnvironment(env);
        BlockingModelDrafter model = new BlockingModelDrafter(ChatModels.create(config), ChatModels.modelName(config));
        return LightChecks.drafting(new AnswerFixtures.FakeOffline())
                .draft(question, retrieval, model, text -> {})
                .drafted();
    }

    private static String baseUrl(Provider provider) {
        return server.baseUrl() + provider.basePath;
    }

    /** Every text value under {@code node}: message content is a string or a list of text blocks. */
    private static String texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return String.join("\n", texts);
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collect(child, texts));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
