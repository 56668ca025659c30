package com.askkira;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.http.KiraServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it from your tools" examples, run as a reader would run them against a real
 * server: each curl command through bash (port and key put in), the Java snippet compiled and run.
 * An example that stops working, or is dropped, fails here.
 */
class ReadmeExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "readme-key";
    private static final Pattern BLOCK = Pattern.compile("```(bash|java)\n(.*?)```", Pattern.DOTALL);

    private static Javalin keyed;
    private static Javalin open;
    private static List<String> bash;
    private static List<String> java;

    @BeforeAll
    static void start() throws Exception {
        keyed = server(List.of(KEY));
        open = server(List.of());
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("\n## Use it from your tools\n");
        assertThat(from).as("the README section").isPositive();
        // REST and OpenAI examples; the MCP subsection's are run by mcp.KiraMcpTest with the SDK's client.
        String section = readme.substring(from + 1, readme.indexOf("\n### MCP\n", from + 1));
        bash = new ArrayList<>();
        java = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(section);
        while (blocks.find()) {
            (blocks.group(1).equals("bash") ? bash : java).add(blocks.group(2));
        }
    }

    private static Javalin server(List<String> keys) {
        return new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        JSON,
                        new KiraServer.Options(0, keys))
                .create()
                .start(0);
    }

    @AfterAll
    static void stop() {
        keyed.stop();
        open.stop();
    }

    /** Runs a README command with bash, against the keyed server, with its key in KIRA_API_KEY. */
    private static String run(String command) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        ProcessBuilder builder = new ProcessBuilder(
                "bash", "-euo", "pipefail", "-c", command.replace("localhost:7070", "localhost:" + keyed.port()));
        builder.environment().put("KIRA_API_KEY", KEY);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void should_answer_the_rest_follow_up_from_its_history() throws Exception {
        String command =
                bash.stream().filter(c -> c.contains("/v1/answers")).findFirst().orElseThrow();

        JsonNode answer = JSON.readTree(run(command));

        assertThat(answer.get("abstained").asBoolean()).isFalse();
        assertThat(answer.get("answer").asText()).contains("[1]");
        assertThat(answer.get("citations")).isNotEmpty();
    }

    @Test
    void should_answer_the_openai_curl_example_with_a_chat_completion() throws Exception {
        String command = bash.stream()
                .filter(c -> c.contains("/v1/chat/completions") && !c.contains("\"stream\": true"))
                .findFirst()
                .orElseThrow();

        JsonNode completion = JSON.readTree(run(command));

        assertThat(completion.get("object").asText()).isEqualTo("chat.completion");
        assertThat(completion
                        .get("choices")
                        .get(0)
                        .get("message")
                        .get("content")
                        .asText())
                .contains("[1]")
                .contains("\n\nSources:\n[1] ");
    }

    @Test
    void should_stream_the_openai_curl_example_to_done() throws Exception {
        String command = bash.stream()
                .filter(c -> c.contains("\"stream\": true"))
                .findFirst()
                .orElseThrow();

        String stream = run(command);

        assertThat(stream).startsWith("data: {").endsWith("data: [DONE]\n\n").contains("\"finish_reason\":\"stop\"");
    }

    @Test
    void should_hold_exactly_the_examples_this_test_runs() {
        assertThat(bash).hasSize(3);
        assertThat(java).hasSize(1);
    }

    @Test
    void should_compile_and_run_the_langchain4j_snippet() throws Exception {
        String snippet = java.getFirst().replace("localhost:7070", "localhost:" + open.port());
        List<String> imports =
                snippet.lines().filter(l -> l.startsWith("import ")).toList();
        String body = String.join(
                "\n", snippet.lines().filter(l -> !l.startsWith("import ")).toList());
        Path dir = Files.createTempDirectory("readme-snippet");
        Path source = dir.resolve("ReadmeSnippet.java");
        Files.writeString(
                source,
                String.join("\n", imports) + "\npublic class ReadmeSnippet { public static void run() {\n" + body
                        + "\n} }\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(
                null,
                errors,
                errors,
                "-cp",
                System.getProperty("java.class.path"),
                "-d",
                dir.toString(),
                source.toString());
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("ReadmeSnippet").getMethod("run").invoke(null);
        } finally {
            System.setOut(out);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Your employer cannot access your therapy records without your written consent [1]")
                .contains("Sources:");
    }
}
