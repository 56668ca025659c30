package com.askkira.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelServerProbeTest {
    private final ModelServerProbe probe = new ModelServerProbe(Duration.ofSeconds(2));

    @Test
    void should_find_nothing_wrong_with_a_server_that_accepts_connections() throws IOException {
        try (ServerSocket listening = new ServerSocket(0)) {
            assertThat(probe.problem("http://127.0.0.1:" + listening.getLocalPort() + "/v1"))
                    .isEmpty();
        }
    }

    @Test
    void should_name_the_address_of_a_server_that_refuses() throws IOException {
        int port = closedPort();
        assertThat(probe.problem("http://127.0.0.1:" + port + "/v1"))
                .hasValueSatisfying(
                        problem -> assertThat(problem).contains("refused").contains("127.0.0.1:" + port));
    }

    @Test
    void should_start_with_one_clear_line_when_the_model_server_is_down() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String url = "http://127.0.0.1:" + closedPort() + "/v1";
        TestKira.shared(); // builds the shared index, so this start only opens it
        KiraConfig shared = TestKira.sharedConfig();
        KiraConfig config = KiraConfig.fromEnvironment(Map.of(
                "KIRA_CORPUS_DIR",
                shared.corpusDir().toString(),
                "KIRA_INDEX_DIR",
                shared.indexDir().toString(),
                "KIRA_MODEL_PROVIDER",
                "openai",
                "KIRA_MODEL_BASE_URL",
                url));
        try (Kira kira = Kira.start(config, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            assertThat(kira.modelName()).isEqualTo("gpt-4o-mini");
        }
        String printed = log.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("The model server " + url + " cannot be reached")
                .contains("offline answerer");
        assertThat(printed).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
