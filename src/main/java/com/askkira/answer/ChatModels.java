package com.askkira.answer;

import com.askkira.config.InvalidConfigException;
import com.askkira.config.KiraConfig;
import com.askkira.config.KiraConfig.ModelProvider;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The chat model KIRA_MODEL_PROVIDER names, configured from KIRA_MODEL_*: temperature 0, and no
 * retries inside the client, so a failure reaches {@code GuardedDrafter} at once instead of
 * after several timeouts.
 */
public final class ChatModels {
    /** Local servers (vLLM, llama.cpp, LM Studio, a mock) need no key; the client still wants one. */
    private static final String LOCAL_PLACEHOLDER_KEY = "no-key-needed";

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");
    /** A few sentences; the cap bounds the cost of a model that rambles. */
    private static final int MAX_ANSWER_TOKENS = 1024;

    private ChatModels() {}

    public static ChatModel create(KiraConfig config) {
        ModelProvider provider = config.modelProvider();
        String baseUrl = baseUrl(config);
        String name = modelName(config);
        Duration timeout = Duration.ofMillis(config.modelTimeoutMs());
        return switch (provider) {
            case OPENAI ->
                OpenAiChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(apiKey(config, baseUrl))
                        .modelName(name)
                        .temperature(0.0)
                        .timeout(timeout)
                        .maxRetries(0)
                        .build();
            case OLLAMA ->
                OllamaChatModel.builder()
                        .baseUrl(baseUrl)
                        .modelName(name)
                        .temperature(0.0)
                        .timeout(timeout)
                        .maxRetries(0)
                        .build();
            case ANTHROPIC ->
                AnthropicChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(apiKey(config, baseUrl))
                        .modelName(name)
                        .temperature(0.0)
                        .maxTokens(MAX_ANSWER_TOKENS)
                        .timeout(timeout)
                        .maxRetries(0)
                        .build();
            case OFFLINE -> throw new IllegalArgumentException("the offline provider uses no chat model");
        };
    }

    /** The streaming client for the same provider, server, model and limits as {@link #create}. */
    public static StreamingChatModel createStreaming(KiraConfig config) {
        String baseUrl = baseUrl(config);
        String name = modelName(config);
        Duration timeout = Duration.ofMillis(config.modelTimeoutMs());
        return switch (config.modelProvider()) {
            case OPENAI ->
                OpenAiStreamingChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(apiKey(config, baseUrl))
                        .modelName(name)
                        .temperature(0.0)
                        .timeout(timeout)
                        .build();
            case OLLAMA ->
                OllamaStreamingChatModel.builder()
                        .baseUrl(baseUrl)
                        .modelName(name)
                        .temperature(0.0)
                        .timeout(timeout)
                        .build();
            case ANTHROPIC ->
                AnthropicStreamingChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(apiKey(config, baseUrl))
                        .modelName(name)
                        .temperature(0.0)
                        .maxTokens(MAX_ANSWER_TOKENS)
                        .timeout(timeout)
                        .build();
            case OFFLINE -> throw new IllegalArgumentException("the offline provider uses no chat model");
        };
    }

    /** KIRA_MODEL_NAME, or the provider's usual model. */
    public static String modelName(KiraConfig config) {
        return config.modelName().orElseGet(() -> switch (config.modelProvider()) {
            case OPENAI -> "gpt-4o-mini";
            case OLLAMA -> "llama3.1";
            case ANTHROPIC -> "claude-3-5-haiku-latest";
            case OFFLINE -> "offline-extractive";
        });
    }

    /** KIRA_MODEL_BASE_URL, or the provider's usual server; it must be an http(s) URL. */
    public static String baseUrl(KiraConfig config) {
        String url = config.modelBaseUrl().orElseGet(() -> switch (config.modelProvider()) {
            case OPENAI -> "https://api.openai.com/v1";
            case OLLAMA -> "http://localhost:11434";
            case ANTHROPIC -> "https://api.anthropic.com/v1";
            case OFFLINE -> "";
        });
        if (config.modelProvider() != ModelProvider.OFFLINE && host(url).isEmpty()) {
            throw new InvalidConfigException("KIRA_MODEL_BASE_URL must be an http or https URL, was '" + url + "'");
        }
        return url;
    }

    private static String apiKey(KiraConfig config, String baseUrl) {
        Optional<String> key = config.modelApiKey();
        if (key.isPresent()) {
            return key.get();
        }
        if (host(baseUrl).filter(LOCAL_HOSTS::contains).isPresent()) {
            return LOCAL_PLACEHOLDER_KEY;
        }
        String provider = config.modelProvider().name().toLowerCase(Locale.ROOT);
        throw new InvalidConfigException("KIRA_MODEL_PROVIDER=" + provider + " needs KIRA_MODEL_API_KEY (the key for "
                + baseUrl + "); set it, or use KIRA_MODEL_PROVIDER=offline, which needs no key");
    }

    private static Optional<String> host(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            return Optional.ofNullable(uri.getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
