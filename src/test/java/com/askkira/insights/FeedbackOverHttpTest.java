package com.askkira.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.askkira.http.KiraServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /v1/feedback over a real server: 202 once per answer it gave, 404 for any other id, 409 for a second vote. */
class FeedbackOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path corpus;

    @TempDir
    static Path indexDir;

    private static Kira kira;
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Files.copy(Path.of("src/test/resources/corpus-tiny/tiny-article.md"), corpus.resolve("tiny-article.md"));
        TestKira.storeStartupVectorsIn(indexDir);
        kira = Kira.start(
                KiraConfig.fromEnvironment(Map.of(
                        "KIRA_CORPUS_DIR", corpus.toString(),
                        "KIRA_INDEX_DIR", indexDir.toString())),
                new PrintStream(PrintStream.nullOutputStream()));
        app = new KiraServer(kira.answers(), kira.grounding(), kira.admin(), JSON, new KiraServer.Options(0, List.of()))
                .create()
                .start(0);
        base = "http://localhost:" + app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        kira.close();
    }

    @Test
    void should_take_one_vote_on_an_answer_it_gave() throws Exception {
        String id = answerId();

        assertThat(feedback("{\"answerId\": \"" + id + "\", \"rating\": \"down\", \"comment\": \"vague\"}")
                        .statusCode())
                .isEqualTo(202);
        assertError(feedback("{\"answerId\": \"" + id + "\", \"rating\": \"down\"}"), 409, "conflict");
        assertError(feedback("{\"answerId\": \"" + id + "\", \"rating\": \"up\"}"), 409, "conflict");
    }

    @Test
    void should_refuse_a_vote_on_an_answer_it_never_gave() throws Exception {
        assertError(feedback("{\"answerId\": \"ans_7f3c00aa\", \"rating\": \"down\"}"), 404, "not_found");
    }

    @Test
    void should_refuse_a_comment_over_the_limit_without_spending_the_vote() throws Exception {
        String id = answerId();

        assertError(
                feedback("{\"answerId\": \"" + id + "\", \"rating\": \"down\", \"comment\": \"" + "x".repeat(2_001)
                        + "\"}"),
                400,
                "bad_request");
        assertThat(feedback("{\"answerId\": \"" + id + "\", \"rating\": \"down\", \"comment\": \"" + "x".repeat(2_000)
                                + "\"}")
                        .statusCode())
                .isEqualTo(202);
    }

    private static String answerId() throws Exception {
        HttpResponse<String> answer = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/answers"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"question\": \"Can my boss see my therapy notes?\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("id").asText();
    }

    private static HttpResponse<String> feedback(String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/feedback"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
    }
}
