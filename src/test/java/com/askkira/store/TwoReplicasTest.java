package com.askkira.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.askkira.http.KiraServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Kira servers, each its own process state and HTTP port, on one PostgreSQL database, as two
 * replicas behind a load balancer: what readers do through one is in the insights of the other.
 */
class TwoReplicasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "replica-test-key";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : started.reversed()) {
            c.close();
        }
    }

    @Test
    void should_show_feedback_given_through_one_replica_in_the_insights_of_the_other() throws Exception {
        String url = TestDatabases.postgres();
        String a = replica(url);
        String b = replica(url);

        String answered = post(a, "/v1/answers", "{\"question\": \"Can my employer see my therapy records?\"}")
                .path("id")
                .asText();
        String notCovered = post(a, "/v1/answers", "{\"question\": \"What are the side effects of sertraline?\"}")
                .path("id")
                .asText();
        assertThat(status(
                        a,
                        "/v1/feedback",
                        "{\"answerId\": \"" + answered + "\", \"rating\": \"down\","
                                + " \"comment\": \"too vague for me\"}"))
                .isEqualTo(202);
        // A vote reaches whichever replica the balancer picks, and counts once across both.
        assertThat(status(b, "/v1/feedback", "{\"answerId\": \"" + notCovered + "\", \"rating\": \"down\"}"))
                .isEqualTo(202);
        assertThat(status(a, "/v1/feedback", "{\"answerId\": \"" + notCovered + "\", \"rating\": \"up\"}"))
                .isEqualTo(409);

        JsonNode insightsOfB = get(b, "/v1/admin/insights");
        JsonNode insightsOfA = get(a, "/v1/admin/insights");

        assertThat(insightsOfB.path("downVoted").findValuesAsText("answerId"))
                .containsExactlyInAnyOrder(answered, notCovered);
        assertThat(insightsOfB.path("downVoted").findValuesAsText("comment")).contains("too vague for me");
        assertThat(insightsOfB.path("daily").get(0).path("answers").asInt()).isEqualTo(2);
        assertThat(insightsOfB.path("notCovered").findValuesAsText("question"))
                .containsExactly("What are the side effects of sertraline?");
        assertThat(insightsOfB).isEqualTo(insightsOfA);
    }

    private String replica(String dbUrl) {
        TestKira.shared();
        Kira kira = Kira.start(
                KiraConfig.fromEnvironment(Map.of(
                        "KIRA_CORPUS_DIR",
                        TestKira.sharedConfig().corpusDir().toString(),
                        "KIRA_INDEX_DIR",
                        TestKira.sharedConfig().indexDir().toString(),
                        "KIRA_DB_URL",
                        dbUrl,
                        "KIRA_API_KEYS",
                        KEY)),
                new PrintStream(PrintStream.nullOutputStream()));
        started.add(kira);
        Javalin app = new KiraServer(
                        kira.answers(), kira.grounding(), kira.admin(), JSON, new KiraServer.Options(0, List.of(KEY)))
                .create()
                .start(0);
        started.add(app::stop);
        return "http://localhost:" + app.port();
    }

    private JsonNode post(String base, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(request(base, path, body), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String base, String path, String body) throws Exception {
        return http.send(request(base, path, body), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private JsonNode get(String base, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpRequest request(String base, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
