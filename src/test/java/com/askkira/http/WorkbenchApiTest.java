package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The workbench's HTTP side on a real server: /v1/grounding's additions (quote, verdict, findings)
 * beside the contract's fields, the admin calls behind the key, their errors in the contract's shape,
 * and the page under the widget's security headers.
 */
class WorkbenchApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String KEY = "workbench-api-key";

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer(KEY);

    @Test
    void should_add_the_supporting_sentences_a_verdict_and_the_rules_broken_to_grounding() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                "/v1/grounding",
                "{\"answer\": \"Confidentiality in therapy has no exceptions. Your employer cannot access your therapy"
                        + " records without your written consent.\"}",
                false);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.has("score")).isTrue();
        JsonNode absolute = body.get("sentences").get(0);
        JsonNode employer = body.get("sentences").get(1);
        // The contract's fields, unchanged.
        assertThat(absolute.has("text") && absolute.has("supported") && absolute.has("support"))
                .isTrue();
        assertThat(employer.get("support").get(0).has("chunkId")).isTrue();
        assertThat(employer.get("support").get(0).has("section")).isTrue();
        // The additions.
        assertThat(absolute.get("verdict").asText()).isEqualTo("overstated");
        assertThat(absolute.get("findings").findValuesAsText("rule")).contains("absolute_confidentiality");
        assertThat(employer.get("verdict").asText()).isEqualTo("supported");
        assertThat(employer.get("findings")).isEmpty();
        assertThat(employer.get("support").get(0).get("quote").asText())
                .contains("Your employer cannot access your therapy records without your written consent.");
    }

    @Test
    void should_refuse_every_workbench_call_without_the_admin_key() throws Exception {
        for (String[] call : List.of(
                new String[] {"POST", "/v1/admin/check", "{\"question\": \"q\"}"},
                new String[] {"POST", "/v1/admin/grounding", "{\"answer\": \"a\"}"},
                new String[] {"GET", "/v1/admin/library", null},
                new String[] {"POST", "/v1/admin/reindex/gated", "{}"},
                new String[] {"POST", "/v1/admin/evaluations", null},
                new String[] {"GET", "/v1/admin/evaluations", null},
                new String[] {"POST", "/v1/admin/golden", "{}"})) {
            HttpResponse<String> response = send(call[0], call[1], call[2], false);
            assertThat(response.statusCode()).as(call[1]).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).at("/error/code").asText())
                    .isEqualTo("unauthorized");
        }
    }

    @Test
    void should_answer_bad_workbench_input_with_the_contracts_error_body() throws Exception {
        assertError(send("GET", "/v1/admin/insights?from=yesterday", null, true), 400);
        assertError(send("GET", "/v1/admin/insights?from=2026-12-02&to=2026-12-01", null, true), 400);
        assertError(send("POST", "/v1/admin/check", "{\"question\": 42}", true), 400);
        assertError(
                send("POST", "/v1/admin/golden", "{\"question\": \"q\", \"expectedSection\": \"nope\"}", true), 400);
        assertError(send("POST", "/v1/admin/reindex/gated", "{\"minHit3\": 3}", true), 400);
        assertError(send("GET", "/v1/admin/evaluations/run_nope", null, true), 404);
    }

    @Test
    void should_show_insights_for_a_date_range() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/admin/insights?from=2000-01-01&to=2000-01-31", null, true);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("daily")).isEmpty();
        assertThat(body.has("notCovered") && body.has("abstentions") && body.has("downVoted") && body.has("sections"))
                .isTrue();
    }

    @Test
    void should_check_kiras_answer_without_counting_it_in_the_insights() throws Exception {
        long before = answersCounted();

        HttpResponse<String> response =
                send("POST", "/v1/admin/check", "{\"question\": \"Can my employer see my therapy records?\"}", true);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/answer/citations/0/sentences")).isNotEmpty();
        assertThat(body.at("/grounding/sentences")).isNotEmpty();
        assertThat(body.at("/grounding/sentences/0/verdict").asText()).isIn("supported", "unsupported", "overstated");
        assertThat(answersCounted()).isEqualTo(before);
    }

    @Test
    void should_serve_the_page_and_chart_library_from_the_jar_under_the_widgets_policy() throws Exception {
        HttpResponse<String> page = send("GET", "/admin", null, false);
        HttpResponse<String> chart = send("GET", "/admin/chart.js", null, false);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebAssets.CONTENT_SECURITY_POLICY);
        assertThat(page.body())
                .contains("<script src=\"/admin/admin.js\" defer>")
                .doesNotContain("<style");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart.js v4");
    }

    private static long answersCounted() throws Exception {
        JsonNode daily = JSON.readTree(
                        send("GET", "/v1/admin/insights", null, true).body())
                .get("daily");
        long total = 0;
        for (JsonNode day : daily) {
            total += day.get("answers").asLong();
        }
        return total;
    }

    private static void assertError(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).at("/error/message").asText()).isNotBlank();
    }

    private static HttpResponse<String> send(String method, String path, String body, boolean key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.base() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key) {
            request.header("Authorization", "Bearer " + KEY);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
