package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.GroundingService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long text on every route that searches the library: the grounding question has the answer
 * question's limit and error, and text within each route's limits never meets Lucene's own limits
 * on a query (a 500 with a 180 KB stack trace in the log, before). Every limit counts characters,
 * not the UTF-16 units of Java's strings, so text of emoji is not held to half of it.
 */
class LongTextOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String KEY = "long-text-key";

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(KEY);

    private static final String REPEATED = "why do therapists report child abuse and neglect ";
    /** One clause a letter: 2,000 of them in a history turn's 4,000 characters. */
    private static final String LETTERS = "b c d e f g h j k l m n o p q r u v w x y z ";
    /** One character, two UTF-16 units: as an emoji or a rarer CJK ideograph is. */
    private static final String EMOJI = "\uD83D\uDE00";

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

    @Test
    void should_count_a_question_in_characters_not_utf16_units() throws Exception {
        String question = EMOJI.repeat(600) + " Can my employer see my therapy records?";
        assertThat(question.length()).isGreaterThan(AnswerRequest.MAX_QUESTION_CHARS);

        List<HttpResponse<String>> responses = List.of(
                post("/v1/answers", Map.of("question", question)),
                post("/v1/chat/completions", Map.of("messages", List.of(Map.of("role", "user", "content", question)))),
                post("/v1/grounding", Map.of("answer", "Therapists must report child abuse.", "question", question)),
                post("/v1/admin/check", Map.of("question", question)));

        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
    }

    @Test
    void should_name_an_over_long_questions_length_in_characters() throws Exception {
        HttpResponse<String> response = post("/v1/answers", Map.of("question", EMOJI.repeat(1_001)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).get("message").asText())
                .isEqualTo("'question' is 1001 characters; the limit is 1000");
    }

    @Test
    void should_count_a_history_turn_a_grounding_answer_and_a_comment_in_characters() throws Exception {
        String turn = "Is my therapy private? " + EMOJI.repeat(AnswerRequest.MAX_TURN_CHARS - 100);
        String answer =
                "Therapists must report child abuse " + EMOJI.repeat(GroundingService.MAX_ANSWER_CHARS - 50) + ".";
        String comment = EMOJI.repeat(1_500);
        String answerId = JSON.readTree(post("/v1/answers", Map.of("question", "Is therapy confidential?"))
                        .body())
                .get("id")
                .asText();

        HttpResponse<String> followUp = post(
                "/v1/answers",
                Map.of(
                        "question",
                        "And from my employer?",
                        "history",
                        List.of(Map.of("role", "user", "content", turn))));
        HttpResponse<String> grounding = post("/v1/grounding", Map.of("answer", answer));
        HttpResponse<String> vote =
                post("/v1/feedback", Map.of("answerId", answerId, "rating", "down", "comment", comment));

        assertThat(followUp.statusCode()).as(followUp.body()).isEqualTo(200);
        assertThat(grounding.statusCode()).as(grounding.body()).isEqualTo(200);
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(202);
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error");
    }

    private static HttpResponse<String> post(String path, Map<String, ?> body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(SERVER.base() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
