package com.askkira.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.askkira.Kira;
import com.askkira.OpenAiWire;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenAI-compatible model server on this machine that always gives one reply, and a Kira wired
 * to it through the real configuration path (KIRA_MODEL_PROVIDER=openai).
 */
final class StubModelServer implements AutoCloseable {
    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final Kira kira;

    StubModelServer(String reply) {
        this(aResponse().withHeader("Content-Type", "application/json").withBody(OpenAiWire.completion(reply)));
    }

    /** A model server that answers every request with {@code status} and an OpenAI error body. */
    static StubModelServer failingWith(int status) {
        return new StubModelServer(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));
    }

    private StubModelServer(ResponseDefinitionBuilder response) {
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(response));
        Map<String, String> env = new HashMap<>();
        // The shared index, built once for the whole run: every Kira here only reads it.
        KiraConfig shared = TestKira.sharedConfig();
        env.put("KIRA_CORPUS_DIR", shared.corpusDir().toString());
        env.put("KIRA_INDEX_DIR", shared.indexDir().toString());
        env.put("KIRA_MODEL_PROVIDER", "openai");
        env.put("KIRA_MODEL_BASE_URL", server.baseUrl() + "/v1");
        kira = Kira.start(KiraConfig.fromEnvironment(env), new PrintStream(PrintStream.nullOutputStream()));
    }

    AnswerService answers() {
        return kira.answers();
    }

    /** The bodies of the chat requests the model server received. */
    List<String> received() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .toList();
    }

    @Override
    public void close() throws Exception {
        kira.close();
        server.stop();
    }
}
