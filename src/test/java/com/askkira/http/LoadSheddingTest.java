package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Past capacity the server says so at once (503, {@code Retry-After}) instead of queueing without
 * bound. With no queue at all ({@code KIRA_QUEUE_LIMIT=0}) and a burst of unique questions, more
 * arrive than the cores take, so some are refused and the others are answered in full.
 */
class LoadSheddingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BURST = 48;
    private static Kira kira;
    private static Javalin app;

    @BeforeAll
    static void start() {
        TestKira.shared(); // builds the index this server opens
        KiraConfig shared = TestKira.sharedConfig();
        KiraConfig config = KiraConfig.fromEnvironment(Map.of(
                "KIRA_CORPUS_DIR", shared.corpusDir().toString(),
                "KIRA_INDEX_DIR", shared.indexDir().toString(),
                "KIRA_QUEUE_LIMIT", "0"));
        kira = Kira.start(config, new PrintStream(PrintStream.nullOutputStream()));
        app = new KiraServer(kira.answers(), kira.grounding(), kira.admin(), JSON, new KiraServer.Options(0, List.of()))
                .create()
                .start(0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        kira.close();
    }

    @Test
    void should_refuse_what_the_cores_cannot_take_with_503_and_retry_after_and_answer_the_rest() throws Exception {
        List<HttpResponse<String>> responses = burst();

        List<HttpResponse<String>> shed =
                responses.stream().filter(r -> r.statusCode() == 503).toList();
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 503));
        assertThat(shed).isNotEmpty();
        assertThat(responses).anySatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        for (HttpResponse<String> refused : shed) {
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode error = JSON.readTree(refused.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("overloaded");
            assertThat(error.get("message").asText()).isNotBlank();
        }
        for (HttpResponse<String> answered : responses) {
            if (answered.statusCode() == 200 && answered.uri().getPath().endsWith("/stream")) {
                assertThat(answered.body()).contains("event: done");
            }
        }
    }

    /** Unique questions, half of them streamed, all sent at once. */
    private static List<HttpResponse<String>> burst() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<Future<HttpResponse<String>>> pending = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < BURST; i++) {
                String path = i % 2 == 0 ? "/v1/answers" : "/v1/answers/stream";
                String body = "{\"question\": \"Can my therapist share what I say in session number " + i + "?\"}";
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                pending.add(senders.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString())));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : pending) {
                responses.add(response.get());
            }
            return responses;
        }
    }
}
