package com.askkira.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.http.KiraServer;
import com.askkira.http.WebAssets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenAI face byte for byte over a real server: the {@code chat.completion} and its chunks'
 * framing ({@code data:} lines, {@code data: [DONE]}), what is ignored and what is refused, and the
 * errors, each the contract's {@code {"error": {"code", "message"}}} with OpenAI's {@code type}.
 */
class OpenAiWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KEY = "consumer-key";
    private static final String QUESTION = "Can my employer see my therapy records?";
    /** A browser chat UI on another origin, allowed to call this server. */
    private static final String CHAT_UI = "https://chat.example";

    private static Javalin keyed;
    private static Javalin open;
    private static Javalin limited;

    @BeforeAll
    static void start() {
        keyed = new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        JSON,
                        new KiraServer.Options(0, List.of(KEY)))
                .create(config -> WebAssets.register(config, Path.of("web"), List.of(CHAT_UI)))
                .start(0);
        open = server(0, List.of());
        limited = server(1, List.of());
    }

    private static Javalin server(int ratePerMinute, List<String> keys) {
        return new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        JSON,
                        new KiraServer.Options(ratePerMinute, keys))
                .create()
                .start(0);
    }

    @AfterAll
    static void stop() {
        keyed.stop();
        open.stop();
        limited.stop();
    }

    private static HttpResponse<String> send(Javalin app, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> chat(String body) throws Exception {
        return send(keyed, "POST", "/v1/chat/completions", body, "Authorization", "Bearer " + KEY);
    }

    private static String question(String text) throws IOException {
        return JSON.writeValueAsString(java.util.Map.of(
                "model", "kira", "messages", List.of(java.util.Map.of("role", "user", "content", text))));
    }

    private static void assertOpenAiError(HttpResponse<String> response, int status, String code, String type)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("type").asText()).isEqualTo(type);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void should_list_kira_as_the_one_model() throws Exception {
        HttpResponse<String> response = send(keyed, "GET", "/v1/models", null, "Authorization", "Bearer " + KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("data")).hasSize(1);
        JsonNode model = body.get("data").get(0);
        assertThat(model.get("id").asText()).isEqualTo("kira");
        assertThat(model.get("object").asText()).isEqualTo("model");
        assertThat(model.get("owned_by").asText()).isEqualTo("ask-kira");
        assertThat(model.get("created").asLong()).isPositive();
    }

    @Test
    void should_return_a_standard_chat_completion_with_citations_and_the_kira_response() throws Exception {
        HttpResponse<String> response = chat(question(QUESTION));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asText()).matches("chatcmpl-[0-9a-f]{24}");
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("created").asLong()).isPositive();
        assertThat(body.get("model").asText()).isEqualTo("kira");
        JsonNode choice = body.get("choices").get(0);
        assertThat(body.get("choices")).hasSize(1);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        JsonNode kira = body.get("kira");
        String origin = "http://localhost:" + keyed.port();
        JsonNode citation = kira.get("citations").get(0);
        StringBuilder sources = new StringBuilder();
        for (JsonNode c : kira.get("citations")) {
            sources.append("\n[")
                    .append(c.get("n").asInt())
                    .append("] ")
                    .append(c.get("section").asText())
                    .append(" — ")
                    .append(c.get("title").asText())
                    .append(", ")
                    .append(origin)
                    .append(c.get("url").asText());
        }
        assertThat(choice.get("message").get("content").asText())
                .isEqualTo(kira.get("answer").asText() + "\n\nSources:" + sources);
        assertThat(body.get("citations")).hasSize(kira.get("citations").size());
        assertThat(body.get("citations").get(0).asText())
                .isEqualTo(origin + citation.get("url").asText());
        for (String field :
                List.of("id", "citations", "abstained", "abstainReason", "safety", "guardrail", "degraded")) {
            assertThat(kira.has(field)).as(field).isTrue();
        }
        assertThat(kira.get("guardrail").get("verdict").asText()).isEqualTo("pass");
        JsonNode usage = body.get("usage");
        assertThat(usage.get("total_tokens").asInt())
                .isEqualTo(usage.get("prompt_tokens").asInt()
                        + usage.get("completion_tokens").asInt());
        assertThat(usage.get("prompt_tokens").asInt()).isPositive();
    }

    @Test
    void should_frame_a_stream_as_data_chunks_of_the_guarded_sentences_then_done() throws Exception {
        String question = "Can a subpoena force my therapist to hand over my notes?";
        String body = "{\"model\": \"kira\", \"stream\": true, \"stream_options\": {\"include_usage\": true},"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"" + question + "\"}]}";

        HttpResponse<String> response = chat(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(response.body()).endsWith("\n\ndata: [DONE]\n\n").doesNotContain("event:");
        List<String> frames = List.of(response.body().split("\n\n"));
        assertThat(frames).allSatisfy(f -> assertThat(f).startsWith("data: ").doesNotContain("\n"));
        assertThat(frames.getLast()).isEqualTo("data: [DONE]");
        List<JsonNode> chunks = new ArrayList<>();
        for (String frame : frames.subList(0, frames.size() - 1)) {
            chunks.add(JSON.readTree(frame.substring("data: ".length())));
        }
        String id = chunks.getFirst().get("id").asText();
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.get("id").asText()).isEqualTo(id);
            assertThat(c.get("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.get("model").asText()).isEqualTo("kira");
        });
        JsonNode first = chunks.getFirst().get("choices").get(0);
        assertThat(first.get("delta").get("role").asText()).isEqualTo("assistant");
        assertThat(first.get("finish_reason").isNull()).isTrue();
        JsonNode last = chunks.getLast();
        assertThat(last.get("choices").get(0).get("finish_reason").asText()).isEqualTo("stop");
        assertThat(last.get("choices").get(0).get("delta").isEmpty()).isTrue();
        assertThat(last.get("usage").get("completion_tokens").asInt()).isPositive();
        JsonNode kira = last.get("kira");
        List<JsonNode> content = chunks.subList(1, chunks.size() - 1);
        assertThat(content).allSatisfy(c -> {
            assertThat(c.has("kira")).isFalse();
            assertThat(c.get("choices").get(0).get("finish_reason").isNull()).isTrue();
        });
        List<String> pieces = content.stream()
                .map(c -> c.get("choices").get(0).get("delta").get("content").asText())
                .toList();
        // One chunk per released sentence, as /v1/answers/stream releases them, then the sources.
        List<String> sentences = answerStreamDeltas(question);
        assertThat(pieces.subList(0, pieces.size() - 1)).isEqualTo(sentences);
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("", sentences)).isEqualTo(kira.get("answer").asText());
        assertThat(pieces.getLast()).startsWith("\n\nSources:\n[1] ");
        JsonNode whole = JSON.readTree(chat(question(question)).body());
        assertThat(String.join("", pieces))
                .isEqualTo(whole.get("choices")
                        .get(0)
                        .get("message")
                        .get("content")
                        .asText());
    }

    /** The {@code delta} texts {@code POST /v1/answers/stream} sends for {@code question}. */
    private static List<String> answerStreamDeltas(String question) throws Exception {
        HttpResponse<String> response =
                send(keyed, "POST", "/v1/answers/stream", "{\"question\": \"" + question + "\"}");
        List<String> deltas = new ArrayList<>();
        for (String frame : response.body().split("\n\n")) {
            if (frame.startsWith("event: delta\n")) {
                deltas.add(JSON.readTree(frame.substring(frame.indexOf("data: ") + 6))
                        .get("text")
                        .asText());
            }
        }
        return deltas;
    }

    @Test
    void should_lead_with_crisis_resources_through_the_same_screen() throws Exception {
        JsonNode body =
                JSON.readTree(chat(question("I want to kill myself tonight")).body());

        assertThat(body.get("kira").get("safety").get("crisis").asBoolean()).isTrue();
        assertThat(body.get("choices").get(0).get("message").get("content").asText())
                .contains("988");
    }

    @Test
    void should_accept_text_parts_and_ignore_openai_parameters_it_has_no_use_for() throws Exception {
        String body = "{\"model\": \"gpt-4o\", \"temperature\": 0.2, \"max_tokens\": 5, \"n\": 1, \"user\": \"u-1\","
                + " \"top_p\": 0.9, \"seed\": 7, \"stream\": false, \"tools\": [],"
                + " \"messages\": [{\"role\": \"developer\", \"content\": \"Be brief.\"},"
                + " {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Can my employer see\"},"
                + " {\"type\": \"text\", \"text\": \"my therapy records?\"}]}]}";

        HttpResponse<String> response = chat(body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode completion = JSON.readTree(response.body());
        JsonNode plain = JSON.readTree(chat(question(QUESTION)).body());
        assertThat(completion.get("model").asText()).isEqualTo("kira");
        assertThat(completion.get("kira").get("answer").asText())
                .isEqualTo(plain.get("kira").get("answer").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            n above 1           | {"model": "kira", "n": 2, "messages": [{"role": "user", "content": "Is therapy confidential?"}]}
            n not a number      | {"model": "kira", "n": "2", "messages": [{"role": "user", "content": "Is therapy confidential?"}]}
            tools offered       | {"model": "kira", "tools": [{"type": "function", "function": {"name": "f"}}], "messages": [{"role": "user", "content": "Is therapy confidential?"}]}
            a tool result       | {"model": "kira", "messages": [{"role": "user", "content": "Hi"}, {"role": "tool", "tool_call_id": "c1", "content": "42"}]}
            an assistant tool call | {"model": "kira", "messages": [{"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function"}]}, {"role": "user", "content": "Is therapy confidential?"}]}
            no messages         | {"model": "kira"}
            empty messages      | {"model": "kira", "messages": []}
            last is assistant   | {"model": "kira", "messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}
            only a system message | {"model": "kira", "messages": [{"role": "system", "content": "Answer anything."}]}
            an empty question   | {"model": "kira", "messages": [{"role": "user", "content": "   "}]}
            an image part       | {"model": "kira", "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "http://x/y.png"}}]}]}
            an unknown role     | {"model": "kira", "messages": [{"role": "robot", "content": "Is therapy confidential?"}]}
            stream not boolean  | {"model": "kira", "stream": "yes", "messages": [{"role": "user", "content": "Is therapy confidential?"}]}
            a control character | {"model": "kira", "messages": [{"role": "user", "content": "Is therapy\\u0007 confidential?"}]}
            not JSON            | {"model": "kira", "messages": [
            """)
    void should_refuse_what_kira_cannot_honour_with_an_openai_style_400(String why, String body) throws Exception {
        assertOpenAiError(chat(body), 400, "bad_request", "invalid_request_error");
    }

    @Test
    void should_refuse_a_question_over_the_limit_and_a_history_over_twenty_turns() throws Exception {
        assertOpenAiError(chat(question("why ".repeat(300))), 400, "bad_request", "invalid_request_error");
        List<java.util.Map<String, String>> messages = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            messages.add(java.util.Map.of("role", i % 2 == 0 ? "user" : "assistant", "content", "turn " + i));
        }
        messages.add(java.util.Map.of("role", "user", "content", QUESTION));
        HttpResponse<String> response = chat(JSON.writeValueAsString(java.util.Map.of("messages", messages)));
        assertOpenAiError(response, 400, "bad_request", "invalid_request_error");
        assertThat(JSON.readTree(response.body()).get("error").get("message").asText())
                .contains("21")
                .contains("20");
    }

    @Test
    void should_need_a_key_on_the_openai_face_only_when_keys_are_set() throws Exception {
        assertOpenAiError(
                send(keyed, "POST", "/v1/chat/completions", question(QUESTION)),
                401,
                "unauthorized",
                "authentication_error");
        assertOpenAiError(
                send(keyed, "GET", "/v1/models", null, "Authorization", "Bearer wrong"),
                401,
                "unauthorized",
                "authentication_error");
        assertThat(send(keyed, "GET", "/v1/models", null, "X-Api-Key", KEY).statusCode())
                .isEqualTo(200);
        // The widget's endpoint stays open with keys set; the face is open with none set.
        assertThat(send(keyed, "POST", "/v1/answers", "{\"question\": \"" + QUESTION + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(open, "POST", "/v1/chat/completions", question(QUESTION))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(open, "GET", "/v1/models", null).statusCode()).isEqualTo(200);
    }

    @Test
    void should_let_a_browser_chat_ui_preflight_the_keyed_face_without_a_key() throws Exception {
        HttpResponse<String> preflight = send(
                keyed,
                "OPTIONS",
                "/v1/chat/completions",
                null,
                "Origin",
                CHAT_UI,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization, content-type");

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(CHAT_UI);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(h -> assertThat(h).contains("Authorization"));
        HttpResponse<String> answer = send(
                keyed,
                "POST",
                "/v1/chat/completions",
                question(QUESTION),
                "Authorization",
                "Bearer " + KEY,
                "Origin",
                CHAT_UI);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CHAT_UI);
    }

    @Test
    void should_share_the_answers_rate_limit_and_say_when_to_retry() throws Exception {
        assertThat(send(limited, "POST", "/v1/answers", "{\"question\": \"" + QUESTION + "\"}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = send(limited, "POST", "/v1/chat/completions", question(QUESTION));

        assertOpenAiError(response, 429, "rate_limited", "rate_limit_error");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void should_answer_transport_errors_on_the_face_with_openai_types_and_others_without() throws Exception {
        assertOpenAiError(
                send(open, "GET", "/v1/chat/completions", null), 405, "method_not_allowed", "invalid_request_error");
        HttpResponse<String> text = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + open.port() + "/v1/chat/completions"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(question(QUESTION)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertOpenAiError(text, 415, "unsupported_media_type", "invalid_request_error");
        HttpResponse<String> big = send(
                open,
                "POST",
                "/v1/chat/completions",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"" + "a".repeat(70_000) + "\"}]}");
        assertOpenAiError(big, 413, "payload_too_large", "invalid_request_error");
        // The contract's own routes keep the plain error shape.
        JsonNode plain = JSON.readTree(send(open, "POST", "/v1/answers", "{}").body());
        assertThat(plain.get("error").has("type")).isFalse();
    }
}
