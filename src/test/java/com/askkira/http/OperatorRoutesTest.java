package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.LogCapture;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees, over a real server: /ready for the load balancer, /metrics for Prometheus
 * (per-route and per-stage latency histograms, verdicts, abstentions, crisis counts, the breaker,
 * the index), and one JSON log line per request with its id, never the question.
 */
class OperatorRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String KEY = "ops-test-key";
    private static final String QUESTION = "Can my employer see my therapy records?";

    private Kira kira;
    private Javalin app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (kira != null) {
            kira.close();
        }
    }

    @Test
    void should_show_latency_histograms_per_route_and_stage_and_count_what_answers_did() throws Exception {
        start(List.of());
        HttpResponse<String> answered = ask(QUESTION);
        HttpResponse<String> crisis = ask("I have the pills saved up and I am going to take them all tonight");
        HttpResponse<String> declined = ask("What is the best recipe for lasagna?");
        get("/v1/search?q=subpoena", null);

        HttpResponse<String> metrics = get("/metrics", null);

        assertThat(List.of(answered, crisis, declined))
                .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(JSON.readTree(crisis.body()).at("/safety/crisis").asBoolean())
                .isTrue();
        String reason = JSON.readTree(declined.body()).get("abstainReason").asText();
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("kira_http_requests_seconds_bucket{method=\"POST\",route=\"/v1/answers\",status=\"200\",le=")
                .contains("kira_http_requests_seconds_count{method=\"POST\",route=\"/v1/answers\",status=\"200\"} 3")
                .contains("kira_http_requests_seconds_count{method=\"GET\",route=\"/v1/search\",status=\"200\"} 1")
                .contains("kira_answer_stage_seconds_bucket{stage=\"screen\",le=")
                .contains("kira_answer_stage_seconds_count{stage=\"screen\"} 3")
                .contains("kira_answer_stage_seconds_count{stage=\"retrieve\"} 2")
                .contains("kira_answer_stage_seconds_count{stage=\"draft\"} 2")
                .contains("kira_answer_stage_seconds_count{stage=\"guard\"} 2")
                .contains("kira_answers_total{degraded=\"false\",verdict=\"pass\"} 3.0")
                .contains("kira_abstentions_total{reason=\"" + reason + "\"} 1.0")
                .contains("kira_crisis_responses_total 1.0")
                .contains("kira_model_breaker_state{state=\"closed\"} 1.0")
                .contains("kira_index_documents " + kira.readiness().index().documents() + ".0")
                .containsPattern("kira_index_generation [1-9]")
                .doesNotContain("lasagna")
                .doesNotContain("pills");
    }

    @Test
    void should_ask_for_the_admin_key_for_metrics_when_keys_are_configured() throws Exception {
        start(List.of(KEY));

        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/metrics", KEY).statusCode()).isEqualTo(200);
        assertThat(get("/ready", null).statusCode())
                .as("a load balancer has no key")
                .isEqualTo(200);
    }

    @Test
    void should_be_ready_with_the_index_open_and_not_ready_once_it_is_closed() throws Exception {
        start(List.of());

        HttpResponse<String> ready = get("/ready", null);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(body.get("status").asText()).isEqualTo("ready");
        assertThat(body.get("reason").isNull()).isTrue();
        assertThat(body.at("/index/open").asBoolean()).isTrue();
        assertThat(body.at("/index/documents").asInt()).isPositive();
        assertThat(body.at("/model/name").asText()).isEqualTo("offline-extractive");
        assertThat(body.at("/model/configured").asBoolean()).isFalse();
        assertThat(body.at("/model/breaker").asText()).isEqualTo("closed");

        kira.close();
        HttpResponse<String> closed = get("/ready", null);

        assertThat(closed.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(closed.body()).get("status").asText()).isEqualTo("not_ready");
        assertThat(JSON.readTree(closed.body()).get("reason").asText()).contains("index");
        kira = null;
    }

    @Test
    void should_log_one_json_line_per_request_with_its_id_and_never_the_question() throws Exception {
        start(List.of());
        HttpResponse<String> response;
        List<String> lines;
        try (LogCapture log = new LogCapture()) {
            response = ask(QUESTION);
            lines = log.lines();
        }

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).startsWith("req_");
        assertThat(lines).hasSize(1);
        Map<String, String> fields = LogCapture.fields(lines.getFirst());
        JsonNode answer = JSON.readTree(response.body());
        assertThat(fields)
                .containsEntry("level", "INFO")
                .containsEntry("formattedMessage", "POST /v1/answers 200")
                .containsEntry("requestId", id)
                .containsEntry("route", "/v1/answers")
                .containsEntry("status", "200")
                .containsEntry("verdict", answer.at("/guardrail/verdict").asText())
                .containsEntry("abstention", "none")
                .containsEntry("model", "offline-extractive")
                .containsEntry("degraded", "false")
                .containsKeys("ms", "retrieveMs", "generateMs", "guardMs", "totalMs");
        assertThat(lines.getFirst()).doesNotContain("employer").doesNotContain("therapy records");
    }

    @Test
    void should_keep_a_plain_request_id_from_the_proxy_and_replace_anything_else() throws Exception {
        start(List.of());

        assertThat(getWithId("/health", "lb-4f1c2a9e").headers().firstValue("X-Request-Id"))
                .contains("lb-4f1c2a9e");
        assertThat(getWithId("/health", "<script>\"x\"</script>").headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    }

    private void start(List<String> keys) {
        TestKira.shared();
        KiraConfig shared = TestKira.sharedConfig();
        kira = Kira.start(
                KiraConfig.fromEnvironment(Map.of(
                        "KIRA_CORPUS_DIR", shared.corpusDir().toString(),
                        "KIRA_INDEX_DIR", shared.indexDir().toString())),
                new PrintStream(PrintStream.nullOutputStream()));
        Kira started = kira;
        app = new KiraServer(
                        kira.answers(),
                        kira.grounding(),
                        kira.admin(),
                        JSON,
                        new KiraServer.Options(0, keys),
                        new Operations(started::readiness, kira.metrics(), Optional.empty()))
                .create()
                .start(0);
    }

    private HttpResponse<String> ask(String question) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/v1/answers"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("question", question))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getWithId(String path, String id) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                        .header("X-Request-Id", id)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
