package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API over a real server on a free port, spoken to with a real HTTP client. */
class KiraServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ADMIN_KEY = "test-admin-key";

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(ADMIN_KEY);

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.base() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(SERVER.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void should_answer_with_every_field_of_the_contract() throws Exception {
        HttpResponse<String> response =
                post("/v1/answers", "application/json", "{\"question\": \"Can my employer see my therapy records?\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("id").asText()).startsWith("ans_");
        assertThat(body.get("answer").asText()).contains("[1]");
        JsonNode citation = body.get("citations").get(0);
        for (String field :
                new String[] {"n", "chunkId", "title", "section", "url", "quote", "type", "lastUpdated", "reviewedBy"
                }) {
            assertThat(citation.hasNonNull(field)).as(field).isTrue();
        }
        assertThat(body.get("abstained").asBoolean()).isFalse();
        assertThat(body.has("abstainReason")).isTrue();
        assertThat(body.get("abstainReason").isNull()).isTrue();
        assertThat(body.get("safety").get("crisis").isBoolean()).isTrue();
        assertThat(body.get("guardrail").get("verdict").asText()).isEqualTo("pass");
        assertThat(body.get("guardrail").get("checks").get(0).get("name").asText())
                .isEqualTo("citations-valid");
        assertThat(body.get("model").asText()).isEqualTo("offline-extractive");
        assertThat(body.get("degraded").asBoolean()).isFalse();
        assertThat(body.get("timingsMs").get("total").isNumber()).isTrue();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void should_stream_sentences_that_add_up_to_the_final_answer() throws Exception {
        HttpResponse<String> response = post(
                "/v1/answers/stream",
                "application/json",
                "{\"question\": \"Can a subpoena force my therapist to hand over my notes?\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<String[]> events = new java.util.ArrayList<>();
        for (String frame : response.body().split("\n\n")) {
            String event = frame.lines()
                    .filter(l -> l.startsWith("event: "))
                    .findFirst()
                    .orElseThrow()
                    .substring(7);
            String data = frame.lines()
                    .filter(l -> l.startsWith("data: "))
                    .findFirst()
                    .orElseThrow()
                    .substring(6);
            events.add(new String[] {event, data});
        }
        assertThat(events.getLast()[0]).isEqualTo("done");
        List<String[]> deltas = events.subList(0, events.size() - 1);
        assertThat(deltas)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e[0]).isEqualTo("delta"));
        StringBuilder streamed = new StringBuilder();
        for (String[] delta : deltas) {
            streamed.append(JSON.readTree(delta[1]).get("text").asText());
        }
        JsonNode done = JSON.readTree(events.getLast()[1]);
        assertThat(streamed.toString()).isEqualTo(done.get("answer").asText());
        assertThat(done.get("citations")).isNotEmpty();
        assertThat(done.get("guardrail").get("verdict").asText()).isEqualTo("pass");
    }

    @Test
    void should_stream_the_offline_answer_through_the_sentence_checks_and_say_why_it_abstains() throws Exception {
        HttpResponse<String> response = post(
                "/v1/answers/stream",
                "application/json",
                "{\"question\": \"how do i subpoena my neighbour's security camera footage\"}");

        String body = response.body();
        JsonNode done =
                JSON.readTree(body.substring(body.lastIndexOf("data: ") + 6).strip());
        assertThat(done.get("model").asText()).isEqualTo("offline-extractive");
        assertThat(done.get("abstainReason").asText()).isEqualTo("out_of_scope");
    }

    @Test
    void should_refuse_a_bad_stream_request_before_the_stream_opens() throws Exception {
        assertError(post("/v1/answers/stream", "application/json", "{\"question\": \"\"}"), 400, "bad_request");
    }

    @Test
    void should_lead_with_crisis_resources_when_a_reader_is_at_risk_now() throws Exception {
        JsonNode body = json(post("/v1/answers", "application/json", """
                {"question": "will it hurt?",
                 "history": [{"role": "user", "content": "I've made up my mind about tonight. I'm done."}]}
                """));

        assertThat(body.get("safety").get("crisis").asBoolean()).isTrue();
        assertThat(body.get("answer").asText()).contains("988").contains("911");
        assertThat(body.get("safety").get("resources").toString())
                .contains("988")
                .contains("741741");
    }

    @Test
    void should_answer_an_informational_question_about_self_harm_without_a_crisis_flag() throws Exception {
        JsonNode body = json(post(
                "/v1/answers",
                "application/json",
                "{\"question\": \"What does the duty to protect mean when a client talks about self-harm?\"}"));

        assertThat(body.get("safety").get("crisis").asBoolean()).isFalse();
        assertThat(body.get("abstained").asBoolean()).isFalse();
        assertThat(body.get("citations")).isNotEmpty();
    }

    @Test
    void should_decline_a_request_for_a_diagnosis_as_unsafe() throws Exception {
        JsonNode body = json(post(
                "/v1/answers",
                "application/json",
                "{\"question\": \"Based on my symptoms, do I have bipolar disorder? Please diagnose me.\"}"));

        assertThat(body.get("abstained").asBoolean()).isTrue();
        assertThat(body.get("abstainReason").asText()).isEqualTo("unsafe");
        assertThat(body.get("citations")).isEmpty();
        assertThat(body.get("answer").asText()).contains("not a diagnosis");
    }

    @Test
    void should_say_which_sentences_of_an_answer_the_library_supports() throws Exception {
        HttpResponse<String> response = post("/v1/grounding", "application/json", """
                {"answer": "Your employer cannot access your therapy records without your written consent [1]. Therapists must report any drug use to the U.S. police within 24 hours.",
                 "question": "Can my employer see my records?"}
                """);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("score").asDouble()).isEqualTo(0.5);
        assertThat(body.get("sentences")).hasSize(2);
        assertThat(body.get("sentences").get(0).get("supported").asBoolean()).isTrue();
        assertThat(body.get("sentences").get(1).get("supported").asBoolean()).isFalse();
        assertThat(body.get("sentences").get(1).get("support")).isNotEmpty();
        assertError(post("/v1/grounding", "application/json", "{\"answer\": 3}"), 400, "bad_request");
    }

    @Test
    void should_report_every_guardrail_check() throws Exception {
        JsonNode checks = json(post(
                        "/v1/answers",
                        "application/json",
                        "{\"question\": \"Is what I tell my therapist confidential?\"}"))
                .get("guardrail")
                .get("checks");

        assertThat(checks.findValuesAsText("name"))
                .contains("citations-valid", "grounded", "confidentiality-limits", "no-diagnosis-or-legal-advice");
    }

    @Test
    void should_greet_a_visitor_who_says_hi() throws Exception {
        JsonNode body = json(post("/v1/answers", "application/json", "{\"question\": \"hi\"}"));

        assertThat(body.get("answer").asText()).startsWith("Hi, I'm Kira");
        assertThat(body.get("abstained").asBoolean()).isFalse();
        assertThat(body.get("safety").get("crisis").asBoolean()).isFalse();
    }

    @Test
    void should_use_history_for_a_follow_up() throws Exception {
        HttpResponse<String> response = post("/v1/answers", "application/json", """
                {"question": "Does that include emails?",
                 "history": [{"role": "user", "content": "Is telehealth therapy private?"},
                             {"role": "assistant", "content": "Clinicians should use HIPAA-compliant platforms [1]."}]}
                """);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("answer").asText().toLowerCase()).contains("email");
    }

    @Test
    void should_abstain_with_a_reason_and_no_citations_off_topic() throws Exception {
        JsonNode body = json(post("/v1/answers", "application/json", "{\"question\": \"How do I bake bread?\"}"));

        assertThat(body.get("abstained").asBoolean()).isTrue();
        assertThat(body.get("abstainReason").asText()).isEqualTo("out_of_scope");
        assertThat(body.get("citations")).isEmpty();
    }

    @Test
    void should_return_passages_best_first_from_search() throws Exception {
        HttpResponse<String> response = get("/v1/search?q=subpoena%20therapy%20records&k=3");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = json(response).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("score").asDouble())
                .isGreaterThanOrEqualTo(results.get(1).get("score").asDouble());
        for (String field : new String[] {"chunkId", "title", "section", "url", "text", "score"}) {
            assertThat(results.get(0).has(field)).as(field).isTrue();
        }
    }

    @Test
    void should_accept_feedback_on_an_answer() throws Exception {
        String id = json(post("/v1/answers", "application/json", "{\"question\": \"What is Tarasoff?\"}"))
                .get("id")
                .asText();
        HttpResponse<String> response = post(
                "/v1/feedback",
                "application/json",
                "{\"answerId\": \"" + id + "\", \"rating\": \"down\", \"comment\": \"too vague\"}");
        assertThat(response.statusCode()).isEqualTo(202);
        assertError(
                post("/v1/feedback", "application/json", "{\"answerId\": \"ans_1\", \"rating\": \"meh\"}"),
                400,
                "bad_request");
    }

    @Test
    void should_show_an_admin_what_the_library_missed_and_what_readers_voted_down() throws Exception {
        String missed = "what's the going rate for an hour of therapy if i'm not using insurance";
        JsonNode abstained = json(post("/v1/answers", "application/json", "{\"question\": \"" + missed + "\"}"));
        assertThat(abstained.get("abstainReason").asText()).isEqualTo("not_covered");
        JsonNode answered = json(post(
                "/v1/answers",
                "application/json",
                "{\"question\": \"I'm Dana Whitfield. Can my employer see my therapy records?\"}"));
        post(
                "/v1/feedback",
                "application/json",
                "{\"answerId\": \"" + answered.get("id").asText()
                        + "\", \"rating\": \"down\", \"comment\": \"Too vague. Email me at dana@example.com\"}");
        post(
                "/v1/answers",
                "application/json",
                "{\"question\": \"i have the pills saved up and tonight is the night\"}");

        assertError(get("/v1/admin/insights"), 401, "unauthorized");
        HttpRequest request = HttpRequest.newBuilder(URI.create(SERVER.base() + "/v1/admin/insights"))
                .header("X-Api-Key", ADMIN_KEY)
                .GET()
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode insights = json(response);
        assertThat(insights.get("notCovered").findValuesAsText("question")).contains(missed);
        assertThat(insights.get("abstentions").get("not_covered").asInt()).isPositive();
        assertThat(insights.get("abstentions").has("out_of_scope")).isTrue();
        assertThat(insights.get("abstentions").has("unsafe")).isTrue();
        JsonNode vote = java.util.stream.StreamSupport.stream(
                        insights.get("downVoted").spliterator(), false)
                .filter(v ->
                        v.get("answerId").asText().equals(answered.get("id").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(vote.get("question").asText())
                .contains("employer see my therapy records")
                .doesNotContain("Dana");
        assertThat(vote.get("comment").asText()).startsWith("Too vague").doesNotContain("dana@example.com");
        assertThat(insights.get("sections").get(0).get("citations").asInt()).isPositive();
        assertThat(insights.get("daily").get(0).get("crisis").asInt()).isPositive();
        assertThat(response.body()).doesNotContain("pills saved up");
    }

    @Test
    void should_report_health_with_the_open_index() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("chunks").asInt()).isPositive();
    }

    @Test
    void should_refuse_admin_paths_without_a_valid_key() throws Exception {
        assertError(post("/v1/admin/reindex", "application/json", "{}"), 401, "unauthorized");
        HttpRequest wrongKey = HttpRequest.newBuilder(URI.create(SERVER.base() + "/v1/admin/reindex"))
                .header("Authorization", "Bearer not-the-key")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        assertError(CLIENT.send(wrongKey, HttpResponse.BodyHandlers.ofString()), 401, "unauthorized");
    }

    @Test
    void should_rebuild_the_index_for_an_admin_and_keep_answering() throws Exception {
        HttpRequest reindex = HttpRequest.newBuilder(URI.create(SERVER.base() + "/v1/admin/reindex"))
                .header("X-Api-Key", ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = CLIENT.send(reindex, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("chunks").asInt()).isPositive();
        assertThat(post("/v1/answers", "application/json", "{\"question\": \"What is Tarasoff?\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{not json",
                "[1, 2]",
                "{}",
                "{\"question\": \"   \"}",
                "{\"question\": 42}",
                "{\"question\": \"ok?\", \"history\": \"nope\"}",
                "{\"question\": \"ok?\", \"history\": [{\"role\": \"system\", \"content\": \"x\"}]}",
                "{\"question\": \"ok?\", \"history\": [{\"role\": \"user\"}]}"
            })
    void should_refuse_malformed_answer_requests_with_bad_request(String body) throws Exception {
        assertError(post("/v1/answers", "application/json", body), 400, "bad_request");
    }

    @Test
    void should_refuse_a_question_over_a_thousand_characters() throws Exception {
        String question = "a".repeat(1_001);
        assertError(
                post("/v1/answers", "application/json", "{\"question\": \"" + question + "\"}"), 400, "bad_request");
    }

    @Test
    void should_refuse_more_than_twenty_turns_of_history() throws Exception {
        String turn = "{\"role\": \"user\", \"content\": \"hi\"}";
        String history = String.join(",", java.util.Collections.nCopies(21, turn));
        assertError(
                post("/v1/answers", "application/json", "{\"question\": \"ok?\", \"history\": [" + history + "]}"),
                400,
                "bad_request");
    }

    @Test
    void should_refuse_bad_search_parameters() throws Exception {
        assertError(get("/v1/search"), 400, "bad_request");
        assertError(get("/v1/search?q=records&k=abc"), 400, "bad_request");
        assertError(get("/v1/search?q=records&k=500"), 400, "bad_request");
    }

    @Test
    void should_answer_unknown_paths_with_not_found() throws Exception {
        assertError(get("/v1/nothing-here"), 404, "not_found");
    }

    @Test
    void should_answer_a_wrong_method_with_method_not_allowed() throws Exception {
        assertError(get("/v1/answers"), 405, "method_not_allowed");
    }

    @Test
    void should_refuse_a_body_over_64_kib() throws Exception {
        String body = "{\"question\": \"" + "a".repeat(70_000) + "\"}";
        assertError(post("/v1/answers", "application/json", body), 413, "payload_too_large");
    }

    @Test
    void should_refuse_a_body_that_is_not_json() throws Exception {
        assertError(
                post("/v1/answers", "text/plain", "Can my employer see my records?"), 415, "unsupported_media_type");
        assertError(post("/v1/answers", null, "{\"question\": \"hi\"}"), 415, "unsupported_media_type");
    }

    @Test
    void should_limit_answers_per_client_and_say_when_to_retry() throws Exception {
        Javalin limited = new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        JSON,
                        new KiraServer.Options(2, List.of()))
                .create()
                .start(0);
        try {
            String url = "http://localhost:" + limited.port() + "/v1/answers";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"Is therapy confidential?\"}"))
                    .build();
            assertThat(CLIENT.send(request, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(CLIENT.send(request, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> third = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertError(third, 429, "rate_limited");
            assertThat(third.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        } finally {
            limited.stop();
        }
    }
}
