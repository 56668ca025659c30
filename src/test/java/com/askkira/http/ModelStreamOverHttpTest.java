package com.askkira.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.askkira.pipeline.ProviderStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/answers/stream} in front of a model that streams (OpenAI's SSE, from WireMock,
 * dribbled out over a second and a half): the reader's {@code delta} events carry checked sentences
 * while the model is still writing, and never the overclaim the model streams among them.
 */
class ModelStreamOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String FIRST = "In most circumstances, no: your employer cannot access your therapy records"
            + " without your written consent [1].";
    private static final String OVERCLAIM = "Nothing you say in therapy ever leaves the room, period [1].";
    private static final String SECOND =
            "HIPAA and state confidentiality laws protect mental health records from" + " employer access [1].";
    private static final int DRIBBLE_MS = 1500;

    private static WireMockServer model;
    private static Kira kira;
    private static Javalin app;

    @BeforeAll
    static void start() {
        model = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        model.start();
        KiraConfig shared = TestKira.sharedConfig();
        TestKira.shared();
        kira = Kira.start(
                KiraConfig.fromEnvironment(Map.of(
                        "KIRA_CORPUS_DIR",
                        shared.corpusDir().toString(),
                        "KIRA_INDEX_DIR",
                        shared.indexDir().toString(),
                        "KIRA_MODEL_PROVIDER",
                        "openai",
                        "KIRA_MODEL_BASE_URL",
                        model.baseUrl() + "/v1")),
                new PrintStream(PrintStream.nullOutputStream()));
        app = new KiraServer(kira.answers(), kira.grounding(), kira.admin(), JSON, new KiraServer.Options(0, List.of()))
                .create()
                .start(0);
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        kira.close();
        model.stop();
    }

    @BeforeEach
    void reset() {
        model.resetAll();
    }

    @Test
    void should_never_send_an_overclaim_the_model_streams_in_any_delta_event() throws Exception {
        stubStream(FIRST + " " + OVERCLAIM + " " + SECOND);

        List<Event> events = ask("Can my employer see my therapy records?");

        List<Event> deltas =
                events.stream().filter(e -> e.name().equals("delta")).toList();
        assertThat(deltas)
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.data().get("text").asText())
                        .doesNotContainIgnoringCase("leaves the room")
                        .doesNotContainIgnoringCase("period"));
        Event done = events.getLast();
        assertThat(done.name()).isEqualTo("done");
        String streamed = String.join(
                "", deltas.stream().map(e -> e.data().get("text").asText()).toList());
        assertThat(streamed).isEqualTo(done.data().get("answer").asText()).isEqualTo(FIRST + " " + SECOND);
        assertThat(done.data().at("/guardrail/verdict").asText()).isEqualTo("revised");
    }

    @Test
    void should_send_the_first_checked_sentence_while_the_model_is_still_writing() throws Exception {
        stubStream(FIRST + " " + SECOND + " " + FIRST.replace("In most circumstances, no: y", "Y"));

        List<Event> events = ask("Can my employer see my therapy records?");

        Event firstDelta = events.stream()
                .filter(e -> e.name().equals("delta"))
                .findFirst()
                .orElseThrow();
        Event done = events.getLast();
        assertThat(done.name()).isEqualTo("done");
        // The model takes 1.5 s to write; the first sentence is complete early in that time.
        assertThat(done.atMillis() - firstDelta.atMillis()).isGreaterThan(DRIBBLE_MS / 3);
    }

    private record Event(String name, JsonNode data, long atMillis) {}

    /** The server-sent events as they arrive, each with the time it arrived. */
    private static List<Event> ask(String question) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + app.port() + "/v1/answers/stream"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("question", question))))
                .build();
        long start = System.nanoTime();
        HttpResponse<Stream<String>> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Event> events = new ArrayList<>();
        String name = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    events.add(
                            new Event(name, JSON.readTree(line.substring(6)), (System.nanoTime() - start) / 1_000_000));
                }
            }
        }
        return events;
    }

    private static void stubStream(String reply) {
        List<String> pieces = Arrays.asList(reply.split("(?<= )"));
        model.stubFor(post(urlPathEqualTo(ProviderStream.OPENAI.path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", ProviderStream.OPENAI.contentType)
                        .withBody(ProviderStream.OPENAI.body(pieces, false))
                        .withChunkedDribbleDelay(30, DRIBBLE_MS)));
    }
}
