package com.askkira.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KiraConfigTest {
    @Test
    void should_use_the_contract_defaults_when_nothing_is_set() {
        KiraConfig config = KiraConfig.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.corpusDir()).isEqualTo(Path.of("corpus"));
        assertThat(config.indexDir()).isEqualTo(Path.of("index"));
        assertThat(config.modelProvider()).isEqualTo(KiraConfig.ModelProvider.OFFLINE);
        assertThat(config.modelTimeoutMs()).isEqualTo(30_000);
        assertThat(config.rateLimitPerMinute()).isEqualTo(60);
        assertThat(config.apiKeys()).isEmpty();
        assertThat(config.allowedOrigins()).isEmpty();
        assertThat(config.host()).as("every interface").isEmpty();
    }

    @Test
    void should_read_the_host_to_listen_on() {
        assertThat(KiraConfig.fromEnvironment(Map.of("KIRA_HOST", " 127.0.0.1 "))
                        .host())
                .hasValue("127.0.0.1");
        assertThat(KiraConfig.fromEnvironment(Map.of("KIRA_HOST", "::1")).host())
                .hasValue("::1");
    }

    @Test
    void should_normalise_allowed_origins_as_browsers_send_them() {
        KiraConfig config = KiraConfig.fromEnvironment(
                Map.of("KIRA_ALLOWED_ORIGINS", " https://Clinic.example/ ,http://localhost:8080"));

        assertThat(config.allowedOrigins()).containsExactly("https://clinic.example", "http://localhost:8080");
    }

    @Test
    void should_read_lists_and_providers_as_people_write_them() {
        KiraConfig config = KiraConfig.fromEnvironment(Map.of(
                "KIRA_MODEL_PROVIDER", " Anthropic ",
                "KIRA_API_KEYS", "a, b,,c ",
                "KIRA_ALLOWED_ORIGINS", "https://site.example"));

        assertThat(config.modelProvider()).isEqualTo(KiraConfig.ModelProvider.ANTHROPIC);
        assertThat(config.apiKeys()).containsExactly("a", "b", "c");
        assertThat(config.allowedOrigins()).containsExactly("https://site.example");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "KIRA_PORT, seventy",
        "KIRA_PORT, 70000",
        "KIRA_MODEL_PROVIDER, gpt",
        "KIRA_MODEL_TIMEOUT_MS, 0",
        "KIRA_RATE_LIMIT_PER_MIN, -1",
        "KIRA_HOST, http://localhost",
        "KIRA_HOST, my host",
        "KIRA_ALLOWED_ORIGINS, https://clinic.example/widget",
        "KIRA_ALLOWED_ORIGINS, clinic.example",
        "KIRA_ALLOWED_ORIGINS, https://clinic.example?x=1",
        "KIRA_ALLOWED_ORIGINS, https://clinic example"
    })
    void should_refuse_a_bad_setting_naming_the_variable(String name, String value) {
        assertThatThrownBy(() -> KiraConfig.fromEnvironment(Map.of(name, value)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(name);
    }

    @Test
    void should_open_the_model_breaker_for_30_seconds_unless_told_otherwise_and_turn_it_off_at_0() {
        assertThat(KiraConfig.fromEnvironment(Map.of()).modelCircuit()).isEqualTo(ModelCircuitSettings.defaults());
        assertThat(KiraConfig.fromEnvironment(Map.of()).modelCircuit().openFor())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(KiraConfig.fromEnvironment(Map.of("KIRA_MODEL_BREAKER_OPEN_MS", "5000"))
                        .modelCircuit()
                        .openFor())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(KiraConfig.fromEnvironment(Map.of("KIRA_MODEL_BREAKER_OPEN_MS", "0"))
                        .modelCircuit()
                        .enabled())
                .isFalse();
        assertThatThrownBy(() -> KiraConfig.fromEnvironment(Map.of("KIRA_MODEL_BREAKER_OPEN_MS", "-1")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("KIRA_MODEL_BREAKER_OPEN_MS");
    }
}
