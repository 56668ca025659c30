package com.askkira.http;

import com.askkira.config.KiraConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The website side of the server: the demo site and the chat widget from {@code web/}, the
 * Content-Security-Policy they are served with, and CORS for the API so other sites may embed the
 * widget.
 *
 * <p>The policy allows scripts and styles from this origin only, with no {@code 'unsafe-inline'}:
 * the widget styles its shadow root with a constructable stylesheet ({@code adoptedStyleSheets}),
 * which CSP does not govern, and the pages carry no inline script or style.
 */
public final class WebAssets {
    /** The policy for every page and script served from web/. */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String ALLOWED_HEADERS = "Content-Type, Accept, Authorization, X-Api-Key";
    /** The article the demo site opens on. */
    static final String HOME_ARTICLE = "confidentiality-in-therapy";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private WebAssets() {}

    /**
     * Serves {@code webDir} at {@code /} (the home article, {@code /kira-widget.js}, {@code /articles/<slug>},
     * {@code /sources/<slug>}), and answers CORS for {@code /v1/*} to the given origins only.
     */
    public static void register(JavalinConfig config, Path webDir, List<String> allowedOrigins) {
        Path dir = webDir.toAbsolutePath().normalize();
        Set<String> origins = allowedOrigins.stream().map(KiraConfig::origin).collect(Collectors.toUnmodifiableSet());
        if (Files.isDirectory(dir)) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = dir.toString();
                files.location = Location.EXTERNAL;
                files.headers = Map.of(
                        "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                        "Referrer-Policy", "strict-origin-when-cross-origin",
                        "Cache-Control", "no-cache");
            });
            // The demo's front page is the article, served from its one file rather than a copy.
            config.routes.get("/", ctx -> page(ctx, dir.resolve("articles"), HOME_ARTICLE));
            // The site's own urls have no .html: /articles/<slug> and /sources/<slug>.
            for (String kind : List.of("articles", "sources")) {
                config.routes.get("/" + kind + "/{slug}", ctx -> page(ctx, dir.resolve(kind), ctx.pathParam("slug")));
            }
        }
        // A before-handler rather than an OPTIONS route: a wildcard route would turn every unknown
        // /v1 path into 405 instead of 404.
        config.routes.before("/v1/*", ctx -> {
            allowOrigin(ctx, origins);
            if (ctx.method() == HandlerType.OPTIONS) {
                preflight(ctx, origins);
                ctx.skipRemainingHandlers();
            }
        });
    }

    /** KIRA_ALLOWED_ORIGINS: comma-separated origins, blanks ignored, each checked as {@link KiraConfig#origin} does. */
    public static List<String> parseOrigins(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(KiraConfig::origin)
                .toList();
    }

    private static void page(Context ctx, Path dir, String slug) {
        if (!SLUG.matcher(slug).matches()) {
            throw HttpError.notFound();
        }
        Path file = dir.resolve(slug + ".html");
        if (!Files.isRegularFile(file)) {
            throw HttpError.notFound();
        }
        try {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("Referrer-Policy", "strict-origin-when-cross-origin")
                    .header("Cache-Control", "no-cache")
                    .contentType("text/html; charset=utf-8")
                    .result(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void allowOrigin(Context ctx, Set<String> origins) {
        String origin = ctx.header("Origin");
        ctx.header("Vary", "Origin");
        if (origin != null && origins.contains(origin.toLowerCase(Locale.ROOT))) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Expose-Headers", "Retry-After");
        }
    }

    /** A preflight from an allowed origin gets the methods and headers; any other gets none, so the browser refuses. */
    private static void preflight(Context ctx, Set<String> origins) {
        String origin = ctx.header("Origin");
        if (origin != null && origins.contains(origin.toLowerCase(Locale.ROOT))) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
        }
        ctx.status(204);
    }
}
