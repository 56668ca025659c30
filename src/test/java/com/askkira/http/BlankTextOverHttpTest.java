package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text of nothing but white space or invisible characters (no-break spaces, zero-width spaces, the
 * byte order mark) is empty text wherever a field must not be empty: the same 400 as {@code ""},
 * never a 500 (the embedding model refuses such text) and never an answer to a question not asked.
 */
class BlankTextOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String KEY = "blank-text-key";

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(KEY);

    @ParameterizedTest(name = "answer \"{0}\"")
    @ValueSource(strings = {"", " ", "\\u00a0", "\\u200b", "\\ufeff", "\\u00a0\\u200b", " \\u200b\\n\\ufeff "})
    void should_refuse_a_grounding_answer_of_only_invisible_characters_as_empty(String answer) throws Exception {
        String body = "{\"answer\": \"" + answer + "\"}";

        for (String path : List.of("/v1/grounding", "/v1/admin/grounding")) {
            assertBadRequest(post(path, body), "'answer' is required and must not be empty");
        }
    }

    @ParameterizedTest(name = "question \"{0}\"")
    @ValueSource(strings = {"", "\\u00a0", "\\u3000", "\\u00a0\\u3000", "\\u200b", "\\ufeff", " \\u2060\\u00ad\\t"})
    void should_refuse_a_question_of_only_invisible_characters_as_empty(String question) throws Exception {
        String body = "{\"question\": \"" + question + "\"}";

        for (String path : List.of("/v1/answers", "/v1/answers/stream")) {
            assertBadRequest(post(path, body), "'question' is required and must not be empty");
        }
        assertBadRequest(
                post(
                        "/v1/chat/completions",
                        "{\"messages\": [{\"role\": \"user\", \"content\": \"" + question + "\"}]}"),
                "the last 'user' message must not be empty");
    }

    @ParameterizedTest(name = "q \"{0}\"")
    @ValueSource(strings = {" ", "\u00a0", "\u200b", "\ufeff", "\u00a0\u3000"})
    void should_refuse_a_search_of_only_invisible_characters_as_empty(String q) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(
                                SERVER.base() + "/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertBadRequest(response, "'q' is required and must not be empty");
    }

    @ParameterizedTest(name = "question \"{0}\"")
    @ValueSource(strings = {"\\u00a0", "\\u200b", "\\ufeff", " \\u00a0\\u200b "})
    void should_check_a_grounding_answer_whose_question_is_only_invisible_characters_as_one_without(String question)
            throws Exception {
        String answer = "Your employer cannot access your therapy records without your written consent.";

        HttpResponse<String> withBlank =
                post("/v1/grounding", "{\"answer\": \"" + answer + "\", \"question\": \"" + question + "\"}");
        HttpResponse<String> without = post("/v1/grounding", "{\"answer\": \"" + answer + "\"}");

        assertThat(withBlank.statusCode()).as(withBlank.body()).isEqualTo(200);
        assertThat(JSON.readTree(withBlank.body())).isEqualTo(JSON.readTree(without.body()));
    }

    @ParameterizedTest(name = "answer \"{0}\"")
    @ValueSource(
            strings = {
                "Your employer cannot access your records. \\u200b",
                "\\u00a0[1]",
                "Your employer cannot access your records.\\n\\ufeff"
            })
    void should_check_the_visible_sentences_of_an_answer_with_invisible_ones_beside_them(String answer)
            throws Exception {
        HttpResponse<String> response = post("/v1/grounding", "{\"answer\": \"" + answer + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "answer \"{0}\"")
    @ValueSource(strings = {"\\ufffd", "\\u0301", "\\u0300\\u0301", "\\ue000", "\\ufffd \\u0301\\u200b"})
    void should_check_an_answer_the_embedding_model_reads_nothing_of_as_one_without_sentences(String answer)
            throws Exception {
        HttpResponse<String> response = post("/v1/grounding", "{\"answer\": \"" + answer + "\"}");

        // As an answer of citation markers alone: nothing to check, and no failure.
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("sentences")).isEmpty();
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("bad_request");
        assertThat(error.get("message").asText()).isEqualTo(message);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(SERVER.base() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
