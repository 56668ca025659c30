package com.askkira.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.askkira.http.KiraServer;
import com.askkira.http.Operations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kira's MCP server spoken to by the MCP Java SDK's own client, over both transports: Streamable
 * HTTP at /mcp inside the real HTTP server, and stdio with the {@code mcp} command in a child JVM.
 */
class KiraMcpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "mcp-test-key";
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
    void should_list_call_read_and_answer_bad_arguments_as_tool_errors_over_streamable_http() throws Exception {
        startServer(List.of(KEY));
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base())
                .endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JSON))
                .httpRequestCustomizer(
                        (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + KEY))
                .build();
        try (McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build()) {
            converse(client);
        }
    }

    @Test
    void should_serve_the_same_over_stdio_with_the_mcp_command() {
        TestKira.shared();
        KiraConfig shared = TestKira.sharedConfig();
        ServerParameters command = ServerParameters.builder(javaBinary())
                .args(childJvm())
                .addEnvVar("KIRA_CORPUS_DIR", shared.corpusDir().toString())
                .addEnvVar("KIRA_INDEX_DIR", shared.indexDir().toString())
                .build();
        try (McpSyncClient client = McpClient.sync(new StdioClientTransport(command, new JacksonMcpJsonMapper(JSON)))
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(90))
                .build()) {
            converse(client);
        }
    }

    @Test
    void should_write_nothing_but_json_rpc_on_stdout_in_mcp_mode() throws Exception {
        TestKira.shared();
        KiraConfig shared = TestKira.sharedConfig();
        List<String> args = new ArrayList<>(List.of(javaBinary()));
        args.addAll(childJvm());
        ProcessBuilder builder = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KIRA_CORPUS_DIR", shared.corpusDir().toString());
        builder.environment().put("KIRA_INDEX_DIR", shared.indexDir().toString());
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (OutputStream in = process.getOutputStream();
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw-test\",\"version\":\"1\"}}}");
            lines.add(out.readLine());
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"ask_kira\","
                            + "\"arguments\":{\"question\":\"" + QUESTION + "\"}}}");
            lines.add(out.readLine());
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        assertThat(lines)
                .allSatisfy(line ->
                        assertThat(JSON.readTree(line).get("jsonrpc").asText()).isEqualTo("2.0"));
        JsonNode initialized = JSON.readTree(lines.get(0));
        assertThat(initialized.at("/result/serverInfo/name").asText()).isEqualTo("ask-kira");
        JsonNode answered = JSON.readTree(lines.get(1));
        assertThat(answered.at("/id").asInt()).isEqualTo(2);
        assertThat(answered.at("/result/isError").asBoolean()).isFalse();
        assertThat(answered.at("/result/structuredContent/citations").size()).isPositive();
    }

    @Test
    void should_refuse_mcp_without_a_valid_key_when_keys_are_configured() throws Exception {
        startServer(List.of(KEY));

        HttpResponse<String> none = initialize(Map.of());
        HttpResponse<String> wrong = initialize(Map.of("Authorization", "Bearer nope"));

        assertThat(List.of(none, wrong)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).at("/error/code").asText())
                    .isEqualTo("unauthorized");
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        });
        assertThat(initialize(Map.of("Authorization", "Bearer " + KEY)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void should_refuse_a_malformed_message_with_its_json_rpc_error_and_never_a_stack_trace() throws Exception {
        startServer(List.of());

        HttpResponse<String> malformed = post("{}", Map.of());
        HttpResponse<String> noSession = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/mcp"))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(List.of(malformed, noSession)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(body.at("/error/code").isInt()).isTrue();
            assertThat(body.at("/error/message").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("stackTrace").doesNotContain("io.modelcontextprotocol");
        });
    }

    @Test
    void should_refuse_a_browser_page_from_an_origin_that_is_not_allowed() throws Exception {
        startServer(List.of());

        HttpResponse<String> response = initialize(Map.of("Origin", "https://attacker.example"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(initialize(Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void should_answer_the_readme_example_as_it_shows() throws Exception {
        startServer(List.of());
        String section = readmeSection("### MCP");
        String bash = block(section, "```bash");
        List<String> bodies = new ArrayList<>();
        Matcher body = Pattern.compile("-d '(\\{.*?\\})'").matcher(bash);
        while (body.find()) {
            bodies.add(body.group(1));
        }
        assertThat(bodies).hasSize(3);

        HttpResponse<String> initialized = post(bodies.get(0), Map.of());
        String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
        Map<String, String> inSession = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18");
        HttpResponse<String> notified = post(bodies.get(1), inSession);
        HttpResponse<String> called = post(bodies.get(2), inSession);

        assertThat(initialized.statusCode()).isEqualTo(200);
        assertThat(notified.statusCode()).isEqualTo(202);
        assertThat(called.statusCode()).isEqualTo(200);
        String data = called.body()
                .lines()
                .filter(l -> l.startsWith("data: "))
                .findFirst()
                .orElseThrow()
                .substring("data: ".length());
        JsonNode result = JSON.readTree(data).get("result");
        assertThat(result.get("isError").asBoolean()).isFalse();
        String text = result.at("/content/0/text").asText();
        assertThat(text).contains("\n\nSources:\n[1] Can my employer access my therapy records?");
        assertThat(block(section, "```text")).as("the README shows this answer").contains(text.substring(0, 60));
        JsonNode args = JSON.readTree(block(section, "```json")).at("/mcpServers/ask-kira/args");
        assertThat(args.get(args.size() - 1).asText()).isEqualTo("mcp");
    }

    /** The text of the first fenced block that opens with {@code fence}. */
    private static String block(String text, String fence) {
        int start = text.indexOf(fence);
        assertThat(start).as(fence).isNotNegative();
        return text.substring(start + fence.length(), text.indexOf("```", start + fence.length()));
    }

    @Test
    void should_count_tool_calls_against_the_clients_answer_limit_as_the_http_api_does() throws Exception {
        startServer(List.of(KEY), 2);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base())
                .endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JSON))
                .httpRequestCustomizer(
                        (request, method, uri, body, context) -> request.header("Authorization", "Bearer " + KEY))
                .build();
        List<CallToolResult> results = new ArrayList<>();
        try (McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build()) {
            client.initialize();
            for (int i = 0; i < 3; i++) {
                results.add(client.callTool(new CallToolRequest(KiraMcp.ASK, Map.of("question", QUESTION))));
            }
        }
        HttpResponse<String> overHttp = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/v1/answers"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + KEY)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + QUESTION + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(results.subList(0, 2))
                .allSatisfy(r -> assertThat(r.isError()).isFalse());
        assertThat(results.get(2).isError()).isTrue();
        assertThat(text(results.get(2))).startsWith("Too many requests; try again in ");
        assertThat(overHttp.statusCode())
                .as("one client, one limit, whichever face it uses")
                .isEqualTo(429);
    }

    /** What every transport must do: tools with their schemas, both tools, a resource, bad arguments. */
    private static void converse(McpSyncClient client) {
        assertThat(client.initialize().serverInfo().name()).isEqualTo("ask-kira");

        List<Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(Tool::name).containsExactly(KiraMcp.ASK, KiraMcp.SEARCH);
        assertThat(tools.getFirst().outputSchema()).containsKey("properties");
        assertThat(tools.getFirst().inputSchema()).containsEntry("required", List.of("question"));

        CallToolResult answer = client.callTool(new CallToolRequest(KiraMcp.ASK, Map.of("question", QUESTION)));
        assertThat(answer.isError()).isFalse();
        Map<?, ?> structured = (Map<?, ?>) answer.structuredContent();
        assertThat(structured.get("answer").toString()).contains("[1]");
        assertThat((List<?>) structured.get("citations")).isNotEmpty();
        assertThat(structured.get("abstained")).isEqualTo(false);
        assertThat(text(answer)).startsWith(structured.get("answer").toString()).contains("\n\nSources:\n[1] ");

        CallToolResult passages =
                client.callTool(new CallToolRequest(KiraMcp.SEARCH, Map.of("query", "duty to warn", "k", 3)));
        assertThat(passages.isError()).isFalse();
        assertThat((List<?>) ((Map<?, ?>) passages.structuredContent()).get("results"))
                .hasSize(3);
        assertThat(text(passages)).startsWith("1. ");

        List<Resource> resources = client.listResources().resources();
        assertThat(resources)
                .extracting(Resource::uri)
                .contains("kira://documents/confidentiality-in-therapy", "kira://documents/tarasoff-v-regents");
        TextResourceContents document = (TextResourceContents)
                client.readResource(new ReadResourceRequest("kira://documents/tarasoff-v-regents"))
                        .contents()
                        .getFirst();
        assertThat(document.mimeType()).isEqualTo("text/markdown");
        assertThat(document.text()).startsWith("---").contains("slug: tarasoff-v-regents");

        CallToolResult notText = client.callTool(new CallToolRequest(KiraMcp.ASK, Map.of("question", 42)));
        CallToolResult missing = client.callTool(new CallToolRequest(KiraMcp.ASK, Map.of()));
        CallToolResult tooMany = client.callTool(new CallToolRequest(KiraMcp.SEARCH, Map.of("query", "x", "k", 50)));
        // The SDK checks arguments against the input schema first; Kira checks them again as its HTTP API does.
        assertThat(notText.isError()).isTrue();
        assertThat(text(notText)).contains("question").contains("string");
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("question");
        assertThat(tooMany.isError()).isTrue();
        assertThat(text(tooMany)).contains("k");
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().getFirst()).text();
    }

    private void startServer(List<String> keys) {
        startServer(keys, 0);
    }

    private void startServer(List<String> keys, int perMinute) {
        TestKira.shared();
        KiraConfig shared = TestKira.sharedConfig();
        kira = Kira.start(
                KiraConfig.fromEnvironment(Map.of(
                        "KIRA_CORPUS_DIR", shared.corpusDir().toString(),
                        "KIRA_INDEX_DIR", shared.indexDir().toString())),
                new PrintStream(PrintStream.nullOutputStream()));
        KiraMcp mcp = new KiraMcp(kira.answers(), kira.library(), JSON, "test");
        Kira started = kira;
        app = new KiraServer(
                        kira.answers(),
                        kira.grounding(),
                        kira.admin(),
                        JSON,
                        new KiraServer.Options(perMinute, keys),
                        new Operations(
                                started::readiness,
                                kira.metrics(),
                                Optional.of(gate -> mcp.servlet(KiraServer.MCP_PATH, List.of(), gate))))
                .create()
                .start(0);
    }

    private String base() {
        return "http://localhost:" + app.port();
    }

    /** A raw initialize request, as any MCP client's first POST. */
    private HttpResponse<String> initialize(Map<String, String> headers) throws Exception {
        return post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                headers);
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The README's text from {@code heading} to the next {@code ##} or {@code ###} heading (a {@code #} line is a shell comment). */
    private static String readmeSection(String heading) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        Matcher next = Pattern.compile("\n#{2,3} ").matcher(readme);
        return next.find(start + heading.length() + 1)
                ? readme.substring(start, next.start())
                : readme.substring(start);
    }

    private static void send(OutputStream in, String message) throws Exception {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java … com.askkira.Main mcp} on this test run's class path (the jar is built after the tests). */
    private static List<String> childJvm() {
        return List.of(
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules",
                "jdk.incubator.vector",
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                "com.askkira.Main",
                "mcp");
    }
}
