package com.askkira.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.askkira.config.InvalidConfigException;
import com.askkira.config.KiraConfig;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatModelsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openai", "anthropic"})
    void should_refuse_a_hosted_provider_without_a_key(String provider) {
        KiraConfig config = config("KIRA_MODEL_PROVIDER", provider);

        assertThatThrownBy(() -> ChatModels.create(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("KIRA_MODEL_PROVIDER=" + provider)
                .hasMessageContaining("needs KIRA_MODEL_API_KEY")
                .hasMessageContaining("KIRA_MODEL_PROVIDER=offline");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "openai, http://localhost:8000/v1",
        "openai, http://127.0.0.1:1234/v1",
        "anthropic, http://localhost:9999/v1"
    })
    void should_need_no_key_for_a_server_on_this_machine(String provider, String baseUrl) {
        KiraConfig config = config("KIRA_MODEL_PROVIDER", provider, "KIRA_MODEL_BASE_URL", baseUrl);

        assertThat(ChatModels.create(config)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "openai, gpt-4o-mini, https://api.openai.com/v1",
        "ollama, llama3.1, http://localhost:11434",
        "anthropic, claude-3-5-haiku-latest, https://api.anthropic.com/v1"
    })
    void should_default_to_the_providers_usual_model_and_server(String provider, String model, String baseUrl) {
        KiraConfig config = config("KIRA_MODEL_PROVIDER", provider, "KIRA_MODEL_API_KEY", "k");

        assertThat(ChatModels.modelName(config)).isEqualTo(model);
        assertThat(ChatModels.baseUrl(config)).isEqualTo(baseUrl);
        assertThat(ChatModels.create(config))
                .isInstanceOfAny(OpenAiChatModel.class, OllamaChatModel.class, AnthropicChatModel.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openai", "ollama", "anthropic"})
    void should_use_the_configured_model_name(String provider) {
        KiraConfig config =
                config("KIRA_MODEL_PROVIDER", provider, "KIRA_MODEL_API_KEY", "k", "KIRA_MODEL_NAME", "my-model");

        assertThat(ChatModels.modelName(config)).isEqualTo("my-model");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost:11434", "ftp://example.com", "not a url"})
    void should_refuse_a_base_url_that_is_not_http(String url) {
        KiraConfig config = config("KIRA_MODEL_PROVIDER", "ollama", "KIRA_MODEL_BASE_URL", url);

        assertThatThrownBy(() -> ChatModels.create(config))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("KIRA_MODEL_BASE_URL");
    }

    private static KiraConfig config(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return KiraConfig.fromEnvironment(env);
    }
}
