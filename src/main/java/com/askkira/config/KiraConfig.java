package com.askkira.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
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
        Optional<String> host,
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
        Optional<Path> insightsFile,
        String dbUrl,
        int retentionDays,
        Path goldenFile,
        int queueLimit,
        ModelCircuitSettings modelCircuit) {

    /** Where insights are kept unless KIRA_DB_URL says otherwise (the contract's default). */
    public static final String DEFAULT_DB_URL = "jdbc:sqlite:data/kira.db";

    /** The golden set the workbench evaluates and gates re-indexing with (the CLI's eval default). */
    public static final String DEFAULT_GOLDEN_FILE = "src/test/resources/golden/retrieval-holdout.json";

    /**
     * Answers, searches and checks waiting for a core before new ones are refused with 503. A
     * thousand readers asking at once (issue 11's burst of 1,000 streams against a model) need about
     * 20 ms of CPU each before the model is called, ten seconds of this 2-core machine: 1,024 lets
     * that burst through, slowly, and refuses at once what is beyond it; at the about 130 offline
     * answers a second this machine serves, a full queue is some eight seconds of work.
     */
    public static final int DEFAULT_QUEUE_LIMIT = 1024;

    public KiraConfig {
        if (port < 0 || port > 65_535) {
            throw new InvalidConfigException("KIRA_PORT must be 0 to 65535, was " + port);
        }
        host.ifPresent(KiraConfig::checkHost);
        if (modelTimeoutMs <= 0) {
            throw new InvalidConfigException("KIRA_MODEL_TIMEOUT_MS must be positive, was " + modelTimeoutMs);
        }
        if (rateLimitPerMinute < 0) {
            throw new InvalidConfigException("KIRA_RATE_LIMIT_PER_MIN must be 0 or more, was " + rateLimitPerMinute);
        }
        if (queueLimit < 0) {
            throw new InvalidConfigException("KIRA_QUEUE_LIMIT must be 0 or more, was " + queueLimit);
        }
        if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new InvalidConfigException(
                    "KIRA_DB_URL must be jdbc:sqlite:PATH or jdbc:postgresql://HOST/DATABASE, was '" + dbUrl + "'");
        }
        if (retentionDays < 1) {
            throw new InvalidConfigException("KIRA_RETENTION_DAYS must be 1 or more, was " + retentionDays);
        }
        apiKeys = List.copyOf(apiKeys);
        allowedOrigins = allowedOrigins.stream().map(KiraConfig::origin).toList();
    }

    public static KiraConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static KiraConfig fromEnvironment(Map<String, String> env) {
        return new KiraConfig(
                intValue(env, "KIRA_PORT", 7070),
                value(env, "KIRA_HOST"),
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
                value(env, "KIRA_INSIGHTS_FILE").map(Path::of),
                value(env, "KIRA_DB_URL").orElse(DEFAULT_DB_URL),
                intValue(env, "KIRA_RETENTION_DAYS", 30),
                Path.of(value(env, "KIRA_GOLDEN_FILE").orElse(DEFAULT_GOLDEN_FILE)),
                intValue(env, "KIRA_QUEUE_LIMIT", DEFAULT_QUEUE_LIMIT),
                ModelCircuitSettings.defaults()
                        .openFor(Duration.ofMillis(intValue(
                                env, "KIRA_MODEL_BREAKER_OPEN_MS", (int) ModelCircuitSettings.OPEN_FOR.toMillis()))));
    }

    /**
     * One KIRA_ALLOWED_ORIGINS entry, as browsers send it: "https://Site.example/" becomes
     * "https://site.example"; anything that is not a scheme and host (a path, a query, a bare name)
     * is refused here, at start-up, rather than silently never matching.
     */
    public static String origin(String raw) {
        String value = raw.strip();
        if (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null
                || uri.getScheme() == null
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
            throw new InvalidConfigException(
                    "KIRA_ALLOWED_ORIGINS holds an origin such as https://site.example, not '" + raw + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** KIRA_HOST names an interface to listen on: an address or a host name, never a URL. */
    private static void checkHost(String host) {
        if (host.isBlank() || host.contains("/") || host.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidConfigException(
                    "KIRA_HOST is an address or host name to listen on, such as 127.0.0.1; was '" + host + "'");
        }
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
