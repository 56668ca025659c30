package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.mcp.KiraMcp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a hostile client sent to {@code /mcp}, in a session, each answered as JSON-RPC and the
 * contract say: a malformed message gets a fixed JSON-RPC error that quotes no parser or exception
 * text (text after the message and bytes that are not UTF-8 included); a request with bad params
 * gets -32602 with its id, never a silent empty stream; a body over 64 KiB gets the contract's 413,
 * and a compressed one its 415; and a tool's text arguments are held to the HTTP API's rules.
 */
class McpHostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static Javalin app;
    private static String session;

    @BeforeAll
    static void start() throws Exception {
        Kira kira = TestKira.shared();
        app = new KiraServer(
                        kira.answers(),
                        kira.grounding(),
                        kira.admin(),
                        JSON,
                        new KiraServer.Options(0, List.of()),
                        new Operations(
                                kira::readiness,
                                kira.metrics(),
                                Optional.of(gate -> new KiraMcp(kira.answers(), kira.library(), JSON, "test")
                                        .servlet(KiraServer.MCP_PATH, List.of(), gate))))
                .create()
                .start(0);
        HttpResponse<String> initialized = post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"hostile\",\"version\":\"1\"}}}");
        session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .statusCode())
                .isEqualTo(202);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    // F3: malformed messages ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "not JSON             | {bad json                                                   | -32700 | Parse error: the body is not valid JSON.",
                "no body              | ``                                                          | -32700 | Parse error: the body is not valid JSON.",
                "nested too deeply    | DEEP                                                        | -32700 | Parse error: the body nests too deeply.",
                "a batch              | [{\"jsonrpc\":\"2.0\",\"id\":40,\"method\":\"tools/list\"}] | -32600 | Invalid request: batches are not supported; send one message per request.",
                "an empty batch       | []                                                          | -32600 | Invalid request: batches are not supported; send one message per request.",
                "a number             | 42                                                          | -32600 | Invalid request: a message is a JSON object.",
                "a string             | \"tools/list\"                                              | -32600 | Invalid request: a message is a JSON object.",
                "null                 | null                                                        | -32600 | Invalid request: a message is a JSON object.",
                "no jsonrpc           | {\"id\":41,\"method\":\"tools/list\"}                       | -32600 | Invalid request: 'jsonrpc' must be \"2.0\".",
                "an object id         | {\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"tools/list\"} | -32600 | Invalid request: 'id' must be a string or an integer.",
                "a null id            | {\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}       | -32600 | Invalid request: 'id' must be a string or an integer.",
                "a fractional id      | {\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}        | -32600 | Invalid request: 'id' must be a string or an integer.",
                "an id past a long    | {\"jsonrpc\":\"2.0\",\"id\":99999999999999999999999,\"method\":\"ping\"} | -32600 | Invalid request: 'id' must be a string or an integer.",
                "no method, no result | {\"jsonrpc\":\"2.0\",\"id\":60}                            | -32600 | Invalid request: a message needs a 'method', or, answering one, an 'id' and a 'result' or 'error'.",
                "text after it        | {\"jsonrpc\":\"2.0\",\"id\":61,\"method\":\"ping\"} xyz       | -32700 | Parse error: the body is not valid JSON.",
                "two messages         | {\"jsonrpc\":\"2.0\",\"id\":62,\"method\":\"ping\"}{\"jsonrpc\":\"2.0\",\"id\":63,\"method\":\"ping\"} | -32700 | Parse error: the body is not valid JSON."
            })
    void should_refuse_a_malformed_message_with_a_fixed_json_rpc_error_that_quotes_nothing(
            String kind, String body, int code, String message) throws Exception {
        String sent = body.equals("DEEP")
                ? "{\"jsonrpc\":\"2.0\",\"id\":48,\"method\":\"tools/list\",\"params\":{\"x\":" + "[".repeat(2_000)
                        + "]".repeat(2_000) + "}}"
                : body;

        HttpResponse<String> response = post(sent);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(error.get("id").isNull()).isTrue();
        assertThat(error.at("/error/code").asInt()).isEqualTo(code);
        assertThat(error.at("/error/message").asText()).isEqualTo(message);
        assertQuotesNothing(response.body());
    }

    @Test
    void should_refuse_a_message_that_is_not_valid_utf8_as_a_parse_error() throws Exception {
        // C0 AF: an overlong "/", which a lenient decoder reads as one.
        byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":\"a\u0000\",\"method\":\"ping\"}"
                .replace("\u0000", "\u00c0\u00af")
                .getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = send(request("/mcp", HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(error.at("/error/message").asText()).isEqualTo("Parse error: the body is not valid UTF-8.");
    }

    @Test
    void should_refuse_a_compressed_message_with_unsupported_media_type_as_answers_does() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":64,\"method\":\"ping\"}";
        HttpRequest.Builder mcp = HttpRequest.newBuilder(
                        request("/mcp", HttpRequest.BodyPublishers.ofString(body)), (n, v) -> true)
                .header("Content-Encoding", "gzip");
        HttpResponse<String> refused = send(mcp.build());
        HttpResponse<String> answers = send(HttpRequest.newBuilder(URI.create(base() + "/v1/answers"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(415);
        assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree(answers.body()));
        assertThat(refused.headers().firstValue("Accept-Encoding")).hasValue("identity");
    }

    @Test
    void should_refuse_what_the_sdk_refuses_without_its_exception_text() throws Exception {
        // A response to a request the server never sent: the SDK fails it with its exception's message.
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":65,\"result\":{}}");

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.at("/error/code").isInt()).isTrue();
        assertThat(error.at("/error/message").asText()).isNotBlank().doesNotContain("65");
        assertQuotesNothing(response.body());
    }

    // F4: a request with bad params ----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tools/call, params an array     | {\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":[\"ask_kira\"]}",
                "tools/call, params a string     | {\"jsonrpc\":\"2.0\",\"id\":46,\"method\":\"tools/call\",\"params\":\"x\"}",
                "tools/call, no params           | {\"jsonrpc\":\"2.0\",\"id\":47,\"method\":\"tools/call\"}",
                "tools/call, no name             | {\"jsonrpc\":\"2.0\",\"id\":\"a-48\",\"method\":\"tools/call\",\"params\":{}}",
                "tools/call, arguments a string  | {\"jsonrpc\":\"2.0\",\"id\":50,\"method\":\"tools/call\",\"params\":{\"name\":\"ask_kira\",\"arguments\":\"x\"}}",
                "tools/call, _meta a number      | {\"jsonrpc\":\"2.0\",\"id\":51,\"method\":\"tools/call\",\"params\":{\"name\":\"ask_kira\",\"arguments\":{},\"_meta\":5}}",
                "resources/read, no params       | {\"jsonrpc\":\"2.0\",\"id\":52,\"method\":\"resources/read\"}",
                "resources/read, uri a number    | {\"jsonrpc\":\"2.0\",\"id\":53,\"method\":\"resources/read\",\"params\":{\"uri\":5}}",
                "logging/setLevel, no params     | {\"jsonrpc\":\"2.0\",\"id\":54,\"method\":\"logging/setLevel\"}",
                "logging/setLevel, unknown level | {\"jsonrpc\":\"2.0\",\"id\":55,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}",
                "initialize, no params           | {\"jsonrpc\":\"2.0\",\"id\":56,\"method\":\"initialize\"}",
                "initialize, params an array     | {\"jsonrpc\":\"2.0\",\"id\":57,\"method\":\"initialize\",\"params\":[1]}"
            })
    void should_answer_a_request_with_bad_or_missing_params_with_invalid_params_and_its_id(String kind, String body)
            throws Exception {
        JsonNode sent = JSON.readTree(body);

        HttpResponse<String> response = post(body);

        JsonNode answer = message(response);
        assertThat(answer.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(answer.get("id")).isEqualTo(sent.get("id"));
        assertThat(answer.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(answer.at("/error/message").asText()).startsWith("Invalid params: ");
        assertQuotesNothing(response.body());
    }

    @Test
    void should_still_answer_a_request_with_good_params() throws Exception {
        JsonNode answer = message(post("{\"jsonrpc\":\"2.0\",\"id\":70,\"method\":\"resources/read\",\"params\":"
                + "{\"uri\":\"kira://documents/tarasoff-v-regents\"}}"));

        assertThat(answer.get("id").asInt()).isEqualTo(70);
        assertThat(answer.at("/result/contents/0/text").asText()).contains("slug: tarasoff-v-regents");
    }

    // F5: the body limit ---------------------------------------------------------------------------

    @ParameterizedTest(name = "sent {0}")
    @CsvSource({"with its length, 1000000", "in chunks, 1000000", "with its length, 70000"})
    void should_refuse_a_body_over_64_kib_with_payload_too_large_as_answers_does(String how, int size)
            throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":49,\"method\":\"tools/list\",\"params\":{\"pad\":\""
                + "a".repeat(size) + "\"}}";
        HttpRequest.BodyPublisher publisher = how.equals("in chunks")
                ? HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                : HttpRequest.BodyPublishers.ofString(body);

        HttpResponse<String> mcp = send(request("/mcp", publisher));
        HttpResponse<String> answers = send(HttpRequest.newBuilder(URI.create(base() + "/v1/answers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());

        assertThat(mcp.statusCode()).as(mcp.body()).isEqualTo(413);
        assertThat(mcp.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(mcp.body())).isEqualTo(JSON.readTree(answers.body()));
        assertThat(JSON.readTree(mcp.body()).at("/error/code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void should_still_answer_a_body_just_under_64_kib() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":71,\"method\":\"tools/list\",\"params\":{\"pad\":\""
                + "a".repeat(64 * 1024 - 200) + "\"}}";

        JsonNode answer = message(post(body));

        assertThat(answer.get("id").asInt()).isEqualTo(71);
        assertThat(answer.at("/result/tools")).hasSize(2);
    }

    // F6: control characters in a tool's text --------------------------------------------------------

    @Test
    void should_refuse_control_characters_in_a_search_query_as_ask_kira_does_in_a_question() throws Exception {
        JsonNode search = message(post("{\"jsonrpc\":\"2.0\",\"id\":80,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"search_library\",\"arguments\":{\"query\":\"a\\u0000b\"}}}"));
        JsonNode ask = message(post("{\"jsonrpc\":\"2.0\",\"id\":81,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"ask_kira\",\"arguments\":{\"question\":\"a\\u0000b\"}}}"));

        assertThat(search.at("/result/isError").asBoolean()).isTrue();
        assertThat(ask.at("/result/isError").asBoolean()).isTrue();
        assertThat(search.at("/result/content/0/text").asText())
                .isEqualTo(ask.at("/result/content/0/text").asText().replace("'question'", "'query'"))
                .isEqualTo("'query' contains the control character U+0000; only tab, line feed and carriage return"
                        + " are allowed");
    }

    // Helpers ------------------------------------------------------------------------------------------

    /** Nothing of a parser's or an exception's own words, and no Java class name. */
    private static void assertQuotesNothing(String body) {
        assertThat(body)
                .doesNotContain("`")
                .doesNotContain("java.")
                .doesNotContain("Exception")
                .doesNotContain("modelcontextprotocol")
                .doesNotContain("Source:")
                .doesNotContain("column")
                .doesNotContain("Cannot ")
                .doesNotContain("StreamReadConstraints");
    }

    /** The one JSON-RPC message of a response, sent as JSON or as a server-sent event. */
    private static JsonNode message(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String body = response.body();
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            body = body.lines()
                    .filter(l -> l.startsWith("data:"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no event in the stream: '" + response.body() + "'"))
                    .substring("data:".length());
        }
        return JSON.readTree(body);
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return send(request("/mcp", HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest request(String path, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(body);
        if (session != null) {
            Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18")
                    .forEach(request::header);
        }
        return request.build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://localhost:" + app.port();
    }
}
