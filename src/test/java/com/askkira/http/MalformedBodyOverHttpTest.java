package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body is read as exactly what it says it is, or refused with the contract's error, and nothing
 * is done with it: one JSON value with nothing after it, in UTF-8 with no overlong or stray byte,
 * and neither compressed nor sent in a transfer coding besides chunked. Before, the text after a
 * body went unread (and a feedback vote was stored), overlong sequences became ASCII, and a plain
 * body labelled gzip was read as plain JSON.
 */
class MalformedBodyOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String KEY = "malformed-body-key";

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(KEY);

    private static final String QUESTION = "{\"question\": \"Can my employer see my therapy records?\"}";

    // F7: text after the body ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/v1/answers          | ' xyz'",
                "/v1/answers          | {\"question\": \"Is therapy confidential?\"}",
                "/v1/answers/stream   | ' xyz'",
                "/v1/grounding        | ' xyz'",
                "/v1/grounding        | ]",
                "/v1/admin/grounding  | ' xyz'",
                "/v1/chat/completions | ' xyz'",
                "/v1/chat/completions | {}"
            })
    void should_refuse_text_after_the_json_body_as_malformed_json(String path, String after) throws Exception {
        String body = switch (path) {
            case "/v1/grounding", "/v1/admin/grounding" -> "{\"answer\": \"Therapists must report child abuse.\"}";
            case "/v1/chat/completions" ->
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Can my employer see my therapy records?\"}]}";
            default -> QUESTION;
        };

        assertBadRequest(post(path, body + after), "the body is not valid JSON");
    }

    @Test
    void should_store_no_vote_whose_body_has_text_after_it() throws Exception {
        String answerId =
                JSON.readTree(post("/v1/answers", QUESTION).body()).get("id").asText();
        String vote = "{\"answerId\": \"" + answerId + "\", \"rating\": \"down\", \"comment\": \"bad\"}";

        assertBadRequest(post("/v1/feedback", vote + " xyz"), "the body is not valid JSON");
        assertBadRequest(post("/v1/feedback", vote + vote), "the body is not valid JSON");

        // The answer is still unrated: the refused votes changed nothing.
        assertThat(post("/v1/feedback", vote).statusCode()).isEqualTo(202);
    }

    @Test
    void should_still_read_a_body_with_white_space_or_a_byte_order_mark_around_it() throws Exception {
        HttpResponse<String> response = post("/v1/answers", "\uFEFF \n" + QUESTION + " \r\n\t");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    // F8: bytes that are not UTF-8 ------------------------------------------------------------------

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "c0af c0ae c0ae, /v1/grounding",
        "c0af, /v1/answers",
        "c0af, /v1/feedback",
        "e0 80 af, /v1/answers",
        "eda080, /v1/answers",
        "f4 90 80 80, /v1/answers",
        "ff, /v1/answers",
        "e282, /v1/answers/stream"
    })
    void should_refuse_a_body_that_is_not_valid_utf8(String hex, String path) throws Exception {
        String field = switch (path) {
            case "/v1/grounding" -> "answer";
            case "/v1/feedback" -> "comment";
            default -> "question";
        };
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("{\"answerId\": \"ans_00\", \"rating\": \"down\", \"" + field + "\": \"Therapists report abuse ")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(HexFormat.of().parseHex(hex.replace(" ", "")));
        body.writeBytes(" x.\"}".getBytes(StandardCharsets.UTF_8));

        assertBadRequest(
                post(path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), "the body is not valid UTF-8");
    }

    @ParameterizedTest(name = "q={0}")
    @ValueSource(strings = {"%C3%28%FF", "%ED%A0%80", "records%C0%AF", "%E2%82"})
    void should_refuse_a_search_query_that_is_not_valid_utf8(String q) throws Exception {
        assertBadRequest(get("/v1/search?k=1&q=" + q), "the query string is not valid UTF-8");
    }

    @Test
    void should_still_search_a_query_in_utf8() throws Exception {
        HttpResponse<String> response = get("/v1/search?k=1&q=confidencialidad%20en%20terapia%20%C2%BFqu%C3%A9%3F");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    // F10: codings nothing here undoes ----------------------------------------------------------------

    @ParameterizedTest(name = "Content-Encoding: {0}")
    @ValueSource(strings = {"gzip", "br", "deflate", "identity, gzip", "x-unknown"})
    void should_refuse_a_body_in_a_content_coding_with_unsupported_media_type(String coding) throws Exception {
        for (String path : new String[] {"/v1/answers", "/v1/chat/completions"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(SERVER.base() + path))
                    .header("Content-Type", "application/json")
                    .header("Content-Encoding", coding)
                    .header("Authorization", "Bearer " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(QUESTION)));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
            assertThat(error(response).get("code").asText()).isEqualTo("unsupported_media_type");
            assertThat(error(response).get("message").asText()).contains("uncompressed");
            // RFC 9110: the codings the server would have taken.
            assertThat(response.headers().firstValue("Accept-Encoding")).hasValue("identity");
        }
    }

    @Test
    void should_still_read_a_body_labelled_identity() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(SERVER.base() + "/v1/answers"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "identity")
                .POST(HttpRequest.BodyPublishers.ofString(QUESTION)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "Transfer-Encoding: {0}")
    @ValueSource(strings = {"gzip, chunked", "deflate,chunked"})
    void should_refuse_a_transfer_coding_besides_chunked_with_bad_request(String coding) throws Exception {
        String chunk = Integer.toHexString(QUESTION.length()) + "\r\n" + QUESTION + "\r\n0\r\n\r\n";
        String response = raw("POST /v1/answers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: " + coding + "\r\nConnection: close\r\n\r\n" + chunk);

        assertThat(response).startsWith("HTTP/1.1 400 ");
        JsonNode error = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4))
                .get("error");
        assertThat(error.get("code").asText()).isEqualTo("bad_request");
        assertThat(error.get("message").asText()).contains("Transfer-Encoding");
    }

    @Test
    void should_still_read_a_chunked_body() throws Exception {
        String chunk = Integer.toHexString(QUESTION.length()) + "\r\n" + QUESTION + "\r\n0\r\n\r\n";
        String response = raw("POST /v1/answers HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunk);

        assertThat(response).startsWith("HTTP/1.1 200 ");
    }

    // Helpers ----------------------------------------------------------------------------------------

    private static void assertBadRequest(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(error(response).get("code").asText()).isEqualTo("bad_request");
        assertThat(error(response).get("message").asText()).isEqualTo(message);
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error");
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(SERVER.base() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + KEY)
                .POST(body));
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(SERVER.base() + pathAndQuery)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The whole response to {@code request}, sent byte for byte (Java's client will not send some headers). */
    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), SERVER.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
