package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.pipeline.AnswerRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long text on every route that searches the library: the grounding question has the answer
 * question's limit and error, and text within each route's limits never meets Lucene's own limits
 * on a query (a 500 with a 180 KB stack trace in the log, before).
 */
class LongTextOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String KEY = "long-text-key";
    private static final String REPEATED = "why do therapists report child abuse and neglect ";
    /** One clause a letter: 2,000 of them in a history turn's 4,000 characters. */
    private static final String LETTERS = "b c d e f g h j k l m n o p q r u v w x y z ";

    private static Javalin app;

    @BeforeAll
    static void start() {
        app = TestServers.started(KEY);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v1/grounding", "/v1/admin/grounding"})
    void should_refuse_a_grounding_question_over_the_answers_question_limit_with_its_error(String path)
            throws Exception {
        String question = REPEATED.repeat(200).strip();
        assertThat(question.length()).isGreaterThan(AnswerRequest.MAX_QUESTION_CHARS);

        HttpResponse<String> grounding =
                post(path, Map.of("answer", "Therapists must report child abuse.", "question", question));
        HttpResponse<String> answers = post("/v1/answers", Map.of("question", question));

        assertThat(grounding.statusCode()).as(grounding.body()).isEqualTo(400);
        assertThat(error(grounding).get("code").asText()).isEqualTo("bad_request");
        assertThat(error(grounding).get("message").asText())
                .isEqualTo(error(answers).get("message").asText())
                .isEqualTo("'question' is " + question.length() + " characters; the limit is 1000");
    }

    @Test
    void should_check_a_grounding_question_at_the_limit() throws Exception {
        String question = REPEATED.repeat(30).substring(0, AnswerRequest.MAX_QUESTION_CHARS);

        HttpResponse<String> response =
                post("/v1/grounding", Map.of("answer", "Therapists must report child abuse.", "question", question));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void should_answer_a_follow_up_to_a_history_turn_of_thousands_of_one_letter_words() throws Exception {
        String turn = "duty to warn " + LETTERS.repeat(100).substring(0, AnswerRequest.MAX_TURN_CHARS - 20);
        Map<String, Object> body = Map.of(
                "question",
                "And does that apply in California?",
                "history",
                List.of(Map.of("role", "user", "content", turn)));

        HttpResponse<String> answers = post("/v1/answers", body);
        HttpResponse<String> chat = post(
                "/v1/chat/completions",
                Map.of(
                        "messages",
                        List.of(
                                Map.of("role", "user", "content", turn),
                                Map.of("role", "user", "content", "And does that apply in California?"))));

        assertThat(answers.statusCode()).as(answers.body()).isEqualTo(200);
        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    }

    @Test
    void should_check_a_workbench_text_of_thousands_of_words() throws Exception {
        String sentence =
                "Therapists have a duty to warn " + LETTERS.repeat(140).substring(0, 5_900) + ".";

        HttpResponse<String> response = post("/v1/admin/grounding", Map.of("answer", sentence));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("sentences")).hasSize(1);
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error");
    }

    private static HttpResponse<String> post(String path, Map<String, ?> body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
