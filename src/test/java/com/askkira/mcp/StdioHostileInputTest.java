package com.askkira.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client sends over stdio, one line a message, answered as {@code /mcp} answers it:
 * a line that is not JSON gets -32700 and the session goes on (it ended the session, unanswered),
 * a request with params the SDK cannot read gets -32602 with its id, and a request the SDK fails
 * on gets -32603 with a fixed message, never its exception's text (Java class names and all).
 */
class StdioHostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INITIALIZE =
            "{'jsonrpc':'2.0','id':1,'method':'initialize','params':{'protocolVersion':'2025-06-18',"
                    + "'capabilities':{},'clientInfo':{'name':'hostile','version':'1'}}}";
    private static final String INITIALIZED = "{'jsonrpc':'2.0','method':'notifications/initialized'}";

    private PipedOutputStream client;
    private McpSyncServer server;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        client = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(client, 1 << 16);
        PipedInputStream answers = new PipedInputStream(1 << 16);
        server = new KiraMcp(TestKira.shared().answers(), TestKira.shared().library(), JSON, "test")
                .stdio(in, new PipedOutputStream(answers));
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The server closed its end.
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.closeGracefully();
    }

    @Test
    void should_answer_a_line_that_is_not_json_with_a_parse_error_and_keep_the_session() throws Exception {
        List<JsonNode> answers = exchange(
                4,
                INITIALIZE,
                INITIALIZED,
                "{bad json",
                "{'jsonrpc':'2.0','id':2,'method':'ping'} and more",
                "{'jsonrpc':'2.0','id':3,'method':'ping'}");

        assertThat(answers)
                .filteredOn(answer -> answer.get("id").isNull())
                .hasSize(2)
                .allSatisfy(answer -> {
                    assertThat(answer.at("/error/code").asInt()).isEqualTo(-32700);
                    assertThat(answer.at("/error/message").asText())
                            .isEqualTo("Parse error: the body is not valid JSON.");
                });
        assertThat(byId(answers, "3").has("result")).isTrue();
    }

    @Test
    void should_answer_a_request_with_params_the_sdk_cannot_read_with_invalid_params_and_its_id() throws Exception {
        List<JsonNode> answers = exchange(
                3,
                INITIALIZE,
                INITIALIZED,
                "{'jsonrpc':'2.0','id':2,'method':'tools/call','params':['ask_kira']}",
                "{'jsonrpc':'2.0','id':3,'method':'tools/call'}");

        for (String id : new String[] {"2", "3"}) {
            assertThat(byId(answers, id).at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(byId(answers, id).at("/error/message").asText())
                    .isEqualTo("Invalid params: tools/call needs 'params', an object.");
        }
    }

    @Test
    void should_answer_a_request_the_sdk_fails_on_with_a_fixed_internal_error() throws Exception {
        // Capabilities whose parts the SDK cannot read: it fails inside its handler, past any check.
        JsonNode answer = exchange(
                        1,
                        "{'jsonrpc':'2.0','id':7,'method':'initialize','params':{'protocolVersion':'2025-06-18',"
                                + "'capabilities':{'roots':5},'clientInfo':{'name':'hostile','version':'1'}}}")
                .getFirst();

        assertThat(answer.get("id").asInt()).isEqualTo(7);
        assertThat(answer.at("/error/code").asInt()).isEqualTo(-32603);
        assertThat(answer.at("/error/message").asText())
                .isEqualTo("Something went wrong on our side. Please try again.");
        assertThat(answer.toString()).doesNotContain("modelcontextprotocol", "Cannot", "`");
    }

    /** Sends {@code messages} (single quotes for double), and returns the first {@code expected} answers. */
    private List<JsonNode> exchange(int expected, String... messages) throws Exception {
        for (String message : messages) {
            client.write((message.replace('\'', '"') + "\n").getBytes(StandardCharsets.UTF_8));
        }
        client.flush();
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            assertThat(line)
                    .as("answer %d of %d; had %s", i + 1, expected, answers)
                    .isNotNull();
            JsonNode answer = JSON.readTree(line);
            assertThat(answer.get("jsonrpc").asText()).isEqualTo("2.0");
            answers.add(answer);
        }
        return answers;
    }

    private static JsonNode byId(List<JsonNode> answers, String id) {
        return answers.stream()
                .filter(answer -> answer.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no answer with id " + id + " in " + answers));
    }
}
