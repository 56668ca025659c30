package com.askkira.http;

import com.askkira.insights.InsightsReport;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.AnswerService;
import com.askkira.pipeline.GroundingService;
import com.askkira.pipeline.KiraException;
import com.askkira.pipeline.SearchResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of Kira. Handlers parse, call a service and write JSON; every failure is an
 * exception mapped to the contract's error body in {@link #mapErrors}. Logs carry method, path,
 * status and time, never a question, a query string or a body.
 */
public final class KiraServer {
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(KiraServer.class);

    private final AnswerService answers;
    private final GroundingService grounding;
    private final Admin admin;
    private final ObjectMapper json;
    private final RequestParser parser;
    private final RateLimiter rateLimiter;
    private final ApiKeys apiKeys;

    /** What the server reports about, and does to, the index beneath it. */
    public interface Admin {
        Map<String, Object> health();

        /** Rebuilds the index from the corpus and swaps it in; returns what was built. */
        Map<String, Object> reindex();

        /** What readers ask that the library does not answer, and how answers fare. */
        InsightsReport insights();
    }

    /** Limits and keys from the configuration. */
    public record Options(int rateLimitPerMinute, List<String> apiKeys) {
        public Options {
            apiKeys = List.copyOf(apiKeys);
        }
    }

    public KiraServer(
            AnswerService answers, GroundingService grounding, Admin admin, ObjectMapper json, Options options) {
        this.answers = answers;
        this.grounding = grounding;
        this.admin = admin;
        this.json = json;
        this.parser = new RequestParser(json);
        this.rateLimiter = new RateLimiter(options.rateLimitPerMinute(), Clock.systemUTC());
        this.apiKeys = new ApiKeys(options.apiKeys());
    }

    public Javalin create() {
        return create(config -> {});
    }

    /** The API, with {@code extra} applied to the config last: the website and CORS ({@link WebAssets}). */
    public Javalin create(Consumer<JavalinConfig> extra) {
        return Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.requestLogger.http(
                    (ctx, ms) -> LOG.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Cache-Control", "no-store");
            });
            config.routes.get("/health", ctx -> ctx.json(admin.health()));
            config.routes.post("/v1/answers", this::answer);
            config.routes.post("/v1/answers/stream", this::stream);
            config.routes.get("/v1/search", this::search);
            config.routes.post("/v1/feedback", this::feedback);
            config.routes.post("/v1/grounding", this::grounding);
            config.routes.before(
                    "/v1/admin/*", ctx -> apiKeys.require(ctx.header("Authorization"), ctx.header("X-Api-Key")));
            config.routes.post("/v1/admin/reindex", ctx -> ctx.json(admin.reindex()));
            config.routes.get("/v1/admin/insights", ctx -> ctx.json(admin.insights()));
            mapErrors(config);
            extra.accept(config);
        });
    }

    private void answer(Context ctx) {
        ctx.json(answers.answer(admitted(ctx)));
    }

    /**
     * Server-sent events: {@code delta} events with the answer's sentences, then {@code done} with
     * the full response, or one {@code error}. Bad input and rate limits are refused as ordinary
     * JSON errors before the stream opens.
     */
    private void stream(Context ctx) throws IOException {
        AnswerRequest request = admitted(ctx);
        ctx.status(200).contentType("text/event-stream; charset=utf-8").header("X-Accel-Buffering", "no");
        SseWriter events = new SseWriter(ctx.res().getOutputStream(), json);
        try {
            AnswerResponse response = answers.stream(request, text -> events.send("delta", Map.of("text", text)));
            events.send("done", response);
        } catch (KiraException.ModelUnavailable e) {
            events.send(
                    "error", ErrorBody.of("model_unavailable", e.getMessage()).error());
        } catch (RuntimeException e) {
            LOG.error("stream failed on {}", ctx.path(), e);
            events.send(
                    "error",
                    ErrorBody.of("internal_error", "Something went wrong on our side. Please try again.")
                            .error());
        }
    }

    /** A reader's rating of an answer: a down vote, with its comment redacted, goes to the insights. */
    private void feedback(Context ctx) {
        Feedback feedback = parser.feedback(jsonBody(ctx));
        answers.rate(feedback.answerId(), feedback.rating(), feedback.comment());
        ctx.status(202).json(Map.of("accepted", true));
    }

    private void grounding(Context ctx) {
        var root = parser.object(jsonBody(ctx));
        var answer = root.get("answer");
        var question = root.get("question");
        if (answer == null || !answer.isTextual()) {
            throw new KiraException.InvalidRequest("'answer' is required and must be a string");
        }
        if (question != null && !question.isNull() && !question.isTextual()) {
            throw new KiraException.InvalidRequest("'question' must be a string");
        }
        ctx.json(grounding.check(
                answer.textValue(), question == null || question.isNull() ? null : question.textValue()));
    }

    /** A parsed answer request from a client still within its rate limit. */
    private AnswerRequest admitted(Context ctx) {
        AnswerRequest request = parser.answerRequest(jsonBody(ctx));
        long wait = rateLimiter.acquire(clientKey(ctx));
        if (wait > 0) {
            throw new HttpError(429, "rate_limited", "Too many questions; try again in " + wait + " s.", wait);
        }
        return request;
    }

    private void search(Context ctx) {
        int k = intParam(ctx, "k", 5, 1, 20);
        List<SearchResult> results = answers.search(ctx.queryParam("q"), k);
        ctx.json(Map.of("results", results));
    }

    /** The body of a JSON POST, refused before parsing when it is not JSON or too large. */
    private static byte[] jsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "unsupported_media_type", "Send the body as application/json.");
        }
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            drainModestOverflow(ctx);
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new KiraException.InvalidRequest("the body could not be read");
        }
    }

    /**
     * Reads and drops a body that is too large but not absurdly so, so the client, still sending,
     * gets the 413 instead of a reset connection; anything bigger is refused without reading it.
     */
    private static void drainModestOverflow(Context ctx) {
        if (ctx.contentLength() <= 16L * MAX_BODY_BYTES) {
            try (InputStream in = ctx.req().getInputStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // The client went away; the 413 is still the answer.
            }
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "payload_too_large", "The body is over " + MAX_BODY_BYTES / 1024 + " KiB.");
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new KiraException.InvalidRequest("'" + name + "' must be a whole number from " + min + " to " + max);
        }
    }

    /** The API key when one is sent, else the client's address. */
    private static String clientKey(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return "key:" + auth.substring(7).strip();
        }
        String key = ctx.header("X-Api-Key");
        return key != null && !key.isBlank() ? "key:" + key.strip() : "ip:" + ctx.ip();
    }

    private static void mapErrors(io.javalin.config.JavalinConfig config) {
        config.routes.exception(HttpError.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            error(ctx, e.status(), e.code(), e.getMessage());
        });
        config.routes.exception(
                KiraException.InvalidRequest.class, (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage()));
        config.routes.exception(
                KiraException.ModelUnavailable.class, (e, ctx) -> error(ctx, 503, "model_unavailable", e.getMessage()));
        config.routes.exception(KiraException.NotFound.class, (e, ctx) -> error(ctx, 404, "not_found", e.getMessage()));
        config.routes.exception(KiraException.Conflict.class, (e, ctx) -> error(ctx, 409, "conflict", e.getMessage()));
        config.routes.exception(KiraException.TimedOut.class, (e, ctx) -> error(ctx, 503, "timed_out", e.getMessage()));
        // A library document that cannot be indexed (POST /v1/admin/reindex): the file and line beside the message.
        config.routes.exception(KiraException.InvalidDocument.class, (e, ctx) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("code", "invalid_document");
            detail.put("message", e.getMessage());
            e.file().ifPresent(file -> detail.put("file", file));
            e.line().ifPresent(line -> detail.put("line", line));
            ctx.attribute("kira.error", "true");
            ctx.status(422).json(Map.of("error", detail));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal_error", "Something went wrong on our side. Please try again.");
        });
        // Javalin's own 404/405 (no route, wrong method) get the contract's body too.
        config.routes.error(404, ctx -> {
            if (!isErrorBody(ctx)) {
                error(
                        ctx,
                        404,
                        HttpError.notFound().code(),
                        HttpError.notFound().getMessage());
            }
        });
        config.routes.error(405, ctx -> {
            if (!isErrorBody(ctx)) {
                error(
                        ctx,
                        405,
                        HttpError.methodNotAllowed().code(),
                        HttpError.methodNotAllowed().getMessage());
            }
        });
        config.routes.error(413, ctx -> {
            if (!isErrorBody(ctx)) {
                error(ctx, 413, "payload_too_large", tooLarge().getMessage());
            }
        });
    }

    private static boolean isErrorBody(Context ctx) {
        return "true".equals(ctx.attribute("kira.error"));
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.attribute("kira.error", "true");
        ctx.status(status).json(ErrorBody.of(code, message));
    }
}
