package com.askkira.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Kira reads from its environment, validated once at start-up. Variable names and
 * defaults are part of the public contract (api-v1.md).
 */
public record KiraConfig(
        int port,
        Path corpusDir,
        Path indexDir,
        Path webDir,
        List<String> allowedOrigins,
        String embeddingModel,
        ModelProvider modelProvider,
        Optional<String> modelBaseUrl,
        Optional<String> modelName,
        Optional<String> modelApiKey,
        int modelTimeoutMs,
        int rateLimitPerMinute,
        List<String> apiKeys,
        Optional<Path> insightsFile) {

    public KiraConfig {
        if (port < 0 || port > 65_535) {
            throw new InvalidConfigException("KIRA_PORT must be 0 to 65535, was " + port);
        }
        if (modelTimeoutMs <= 0) {
            throw new InvalidConfigException("KIRA_MODEL_TIMEOUT_MS must be positive, was " + modelTimeoutMs);
        }
        if (rateLimitPerMinute < 0) {
            throw new InvalidConfigException("KIRA_RATE_LIMIT_PER_MIN must be 0 or more, was " + rateLimitPerMinute);
        }
        apiKeys = List.copyOf(apiKeys);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static KiraConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static KiraConfig fromEnvironment(Map<String, String> env) {
        return new KiraConfig(
                intValue(env, "KIRA_PORT", 7070),
                Path.of(value(env, "KIRA_CORPUS_DIR").orElse("corpus")),
                Path.of(value(env, "KIRA_INDEX_DIR").orElse("index")),
                Path.of(value(env, "KIRA_WEB_DIR").orElse("web")),
                list(env, "KIRA_ALLOWED_ORIGINS"),
                value(env, "KIRA_EMBEDDING_MODEL").orElse("bge-small-en-v1.5"),
                ModelProvider.parse(value(env, "KIRA_MODEL_PROVIDER").orElse("offline")),
                value(env, "KIRA_MODEL_BASE_URL"),
                value(env, "KIRA_MODEL_NAME"),
                value(env, "KIRA_MODEL_API_KEY"),
                intValue(env, "KIRA_MODEL_TIMEOUT_MS", 30_000),
                intValue(env, "KIRA_RATE_LIMIT_PER_MIN", 60),
                list(env, "KIRA_API_KEYS"),
                value(env, "KIRA_INSIGHTS_FILE").map(Path::of));
    }

    /** A comma-separated variable as its non-empty items. */
    private static List<String> list(Map<String, String> env, String name) {
        return value(env, name)
                .map(raw -> Arrays.stream(raw.split(","))
                        .map(String::trim)
                        .filter(k -> !k.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        Optional<String> raw = value(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(name + " must be a whole number, was '" + raw.get() + "'");
        }
    }

    /** Which model writes answers. */
    public enum ModelProvider {
        OFFLINE,
        OPENAI,
        OLLAMA,
        ANTHROPIC;

        static ModelProvider parse(String raw) {
            try {
                return valueOf(raw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(
                        "KIRA_MODEL_PROVIDER must be one of offline, openai, ollama, anthropic; was '" + raw + "'");
            }
        }
    }
}
