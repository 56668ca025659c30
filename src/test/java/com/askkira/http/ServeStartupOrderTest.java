package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} checks every setting and claims its port before it builds an index or loads a
 * model: a mistake is reported at once with the configuration exit code, 2. Each case runs the real
 * command in a fresh JVM over an empty index folder, which must stay empty.
 */
class ServeStartupOrderTest {
    /** A JVM start and the checks, with room for a busy machine; an index build takes far longer. */
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path index;

    private record Exit(int code, String output, Duration took) {}

    private Exit serve(Map<String, String> settings) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "com.askkira.Main",
                        "serve")
                .redirectErrorStream(true);
        command.environment().keySet().removeIf(name -> name.startsWith("KIRA_"));
        Map<String, String> env = new HashMap<>(Map.of(
                "KIRA_CORPUS_DIR", Path.of("corpus").toAbsolutePath().toString(),
                "KIRA_INDEX_DIR", index.toString(),
                "KIRA_WEB_DIR", Path.of("web").toAbsolutePath().toString()));
        env.putAll(settings);
        command.environment().putAll(env);
        long start = System.nanoTime();
        Process process = command.start();
        // Waits for a build to finish too (the old order), so the test reports the wrong order, not a hang.
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("serve neither started nor stopped within three minutes");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Exit(process.exitValue(), output, Duration.ofNanos(System.nanoTime() - start));
    }

    @Test
    void should_report_a_port_in_use_with_exit_code_2_before_building_the_index() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Exit exit = serve(Map.of("KIRA_PORT", Integer.toString(taken.getLocalPort())));

            assertThat(exit.code()).as(exit.output()).isEqualTo(2);
            assertThat(exit.output()).contains("KIRA_PORT").doesNotContain("Building the index");
            assertThat(exit.took()).as(exit.output()).isLessThan(QUICK);
            assertThat(index).isEmptyDirectory();
        }
    }

    @Test
    void should_report_a_bad_allowed_origin_with_exit_code_2_before_building_the_index() throws Exception {
        Exit exit = serve(Map.of("KIRA_PORT", "0", "KIRA_ALLOWED_ORIGINS", "https://clinic.example/widget"));

        assertThat(exit.code()).as(exit.output()).isEqualTo(2);
        assertThat(exit.output()).contains("KIRA_ALLOWED_ORIGINS").doesNotContain("Building the index");
        assertThat(exit.took()).as(exit.output()).isLessThan(QUICK);
        assertThat(index).isEmptyDirectory();
    }

    @Test
    void should_report_a_host_that_is_not_this_machines_with_exit_code_2_before_building_the_index() throws Exception {
        // 192.0.2.0/24 is reserved for documentation (RFC 5737): no machine has this address.
        Exit exit = serve(Map.of("KIRA_PORT", "0", "KIRA_HOST", "192.0.2.1"));

        assertThat(exit.code()).as(exit.output()).isEqualTo(2);
        assertThat(exit.output()).contains("KIRA_HOST").doesNotContain("Building the index");
        assertThat(index).isEmptyDirectory();
    }

    @Test
    void should_report_a_database_that_cannot_be_opened_with_exit_code_2_before_building_the_index(@TempDir Path data)
            throws Exception {
        Path notADatabase = data.resolve("kira.db");
        Files.writeString(notADatabase, "this is no SQLite file, and longer than its header".repeat(100));

        Exit exit = serve(Map.of("KIRA_PORT", "0", "KIRA_DB_URL", "jdbc:sqlite:" + notADatabase));

        assertThat(exit.code()).as(exit.output()).isEqualTo(2);
        assertThat(exit.output())
                .contains("KIRA_DB_URL: Could not open the database")
                .doesNotContain("Building the index");
        assertThat(exit.took()).as(exit.output()).isLessThan(QUICK);
        assertThat(index).isEmptyDirectory();
    }

    @Test
    void should_report_an_unknown_embedding_model_with_exit_code_2_before_building_the_index() throws Exception {
        Exit exit = serve(Map.of("KIRA_PORT", "0", "KIRA_EMBEDDING_MODEL", "bge-large"));

        assertThat(exit.code()).as(exit.output()).isEqualTo(2);
        assertThat(exit.output()).contains("KIRA_EMBEDDING_MODEL").doesNotContain("Building the index");
        assertThat(index).isEmptyDirectory();
    }
}
