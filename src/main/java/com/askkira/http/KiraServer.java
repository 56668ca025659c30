package com.askkira.http;

import com.askkira.corpus.SentenceSplitter;
import com.askkira.insights.InsightsReport;
import com.askkira.openai.OpenAiChat;
import com.askkira.openai.TokenCounts;
import com.askkira.ops.Readiness;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.AnswerService;
import com.askkira.pipeline.BlankText;
import com.askkira.pipeline.GroundingService;
import com.askkira.pipeline.KiraException;
import com.askkira.pipeline.SearchResult;
import com.askkira.pipeline.TextLength;
import com.askkira.store.DateRange;
import com.askkira.workbench.Workbench;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.JettyConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of Kira. Handlers parse, call a service and write JSON; every failure is an
 * exception mapped to the contract's error body in {@link #mapErrors}, and what Jetty refuses before
 * Javalin sees it is answered in the same shape by {@link JsonErrorHandler}. One JSON log line
 * per request ({@link RequestLog}) carries its id, route, status, time and, for an answer, stages,
 * verdict and model: never a question, a query string or a body.
 *
 * <p>Limits, all per request unless said otherwise: a body of {@value #MAX_BODY_BYTES} bytes; a
 * request line and headers of {@value #MAX_HEADER_BYTES} bytes (Jetty's default, set here so it is
 * written down); headers complete within {@link Options#HEADER_TIMEOUT}; no byte for {@link
 * Options#IDLE_TIMEOUT} closes a connection; text without control characters ({@link
 * ControlCharacters}); grounding text within {@link GroundingService#MAX_ANSWER_CHARS} and {@link
 * GroundingService#MAX_SENTENCES}; and, per client and minute, {@link Options#rateLimitPerMinute}
 * requests to each of answers (streamed or not), search, grounding and feedback.
 */
public final class KiraServer {
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    /** Selector, acceptor and Jetty's housekeeping; requests themselves run on virtual threads. */
    private static final int PLATFORM_THREADS = 16;
    /** Where the MCP server's Streamable HTTP transport answers. */
    public static final String MCP_PATH = "/mcp";

    private static final Logger LOG = LoggerFactory.getLogger(KiraServer.class);

    private static final Pattern BAD_PERCENT_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final AnswerService answers;
    private final GroundingService grounding;
    private final Admin admin;
    private final ObjectMapper json;
    private final RequestParser parser;
    private final RateLimiter rateLimiter;
    private final ApiKeys apiKeys;
    private final Clients clients;
    private final Options options;
    private final Operations operations;
    private final RequestLog requestLog;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final OpenAiRoutes openAi;
    private final ApiDocs docs;

    /** What the server reports about, and does to, the index beneath it. */
    public interface Admin {
        Map<String, Object> health();

        /** Rebuilds the index from the corpus and swaps it in; returns what was built. */
        Map<String, Object> reindex();

        /** What readers ask that the library does not answer, and how answers fare. */
        InsightsReport insights();

        /** The insights over the days of {@code range} only (the workbench's date range). */
        default InsightsReport insights(DateRange range) {
            return insights();
        }

        /** The content team's workbench, served at /admin when there is one. */
        default Optional<Workbench> workbench() {
            return Optional.empty();
        }
    }

    /**
     * Limits and keys from the configuration. {@code rateLimitPerMinute} (0: off) applies to each
     * client, a configured API key or else the address, for each of answers, search, grounding and
     * feedback. {@code idleTimeout} closes a connection that sends nothing for that long;
     * {@code headerTimeout} one whose request headers take longer than that ({@link HeaderTimeout}).
     * {@code behindLocalProxy}: Kira listens on loopback only ({@link ServerPort#loopbackOnly}), so
     * a client's address is the one a proxy on this machine forwarded ({@link Clients}).
     */
    public record Options(
            int rateLimitPerMinute,
            List<String> apiKeys,
            Duration idleTimeout,
            Duration headerTimeout,
            boolean behindLocalProxy) {
        /**
         * Jetty's own default, kept and written down: a keep-alive connection may wait this long for
         * a reader's next question. Jetty counts it only while it waits to read or write, not while a
         * handler computes (a 3 s grounding check still answered with a 300 ms idle timeout), so a
         * slow model call is not cut short by it; a client that stops reading a stream is.
         */
        public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

        /**
         * A request's line and headers, at most 8 KiB, take a browser or a script milliseconds even
         * on a poor mobile link; ten seconds leaves room for a stalled packet or two, and a client
         * that trickles its headers (Slowloris) loses the connection after 10 to 12.5 s instead of
         * keeping it for as long as it keeps sending.
         */
        public static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);

        public Options {
            apiKeys = List.copyOf(apiKeys);
            if (rateLimitPerMinute < 0) {
                throw new IllegalArgumentException("the rate limit must be 0 (off) or more, was " + rateLimitPerMinute);
            }
            if (!idleTimeout.isPositive() || !headerTimeout.isPositive()) {
                throw new IllegalArgumentException(
                        "timeouts must be positive, were " + idleTimeout + " and " + headerTimeout);
            }
        }

        public Options(int rateLimitPerMinute, List<String> apiKeys, Duration idleTimeout, Duration headerTimeout) {
            this(rateLimitPerMinute, apiKeys, idleTimeout, headerTimeout, false);
        }

        public Options(int rateLimitPerMinute, List<String> apiKeys, boolean behindLocalProxy) {
            this(rateLimitPerMinute, apiKeys, IDLE_TIMEOUT, HEADER_TIMEOUT, behindLocalProxy);
        }

        public Options(int rateLimitPerMinute, List<String> apiKeys) {
            this(rateLimitPerMinute, apiKeys, false);
        }
    }

    /** The API with {@link Operations#basic} operator routes: for tests of the API alone. */
    public KiraServer(
            AnswerService answers, GroundingService grounding, Admin admin, ObjectMapper json, Options options) {
        this(answers, grounding, admin, json, options, Operations.basic(admin));
    }

    public KiraServer(
            AnswerService answers,
            GroundingService grounding,
            Admin admin,
            ObjectMapper json,
            Options options,
            Operations operations) {
        this.answers = answers;
        this.grounding = grounding;
        this.admin = admin;
        this.json = json;
        this.parser = new RequestParser(json);
        this.rateLimiter = new RateLimiter(options.rateLimitPerMinute(), Clock.systemUTC());
        this.apiKeys = new ApiKeys(options.apiKeys());
        this.clients = new Clients(apiKeys, options.behindLocalProxy());
        this.options = options;
        this.openAi = new OpenAiRoutes(
                new OpenAiChat(answers, TokenCounts.o200k(), Clock.systemUTC()), parser, json, this::admitQuestion);
        this.docs = new ApiDocs(json);
        this.operations = operations;
        this.requestLog = new RequestLog(operations.metrics());
    }

    public Javalin create() {
        return create(config -> {});
    }

    /**
     * The API, with {@code extra} applied to the config last: the website and CORS ({@link
     * WebAssets}). It listens where {@code start(port)} or {@code start(host, port)} says.
     */
    public Javalin create(Consumer<JavalinConfig> extra) {
        return create(Optional.empty(), extra);
    }

    /** The API on a socket bound beforehand ({@link ServerPort#bind}); start it with {@code start()}. */
    public Javalin create(ServerPort port, Consumer<JavalinConfig> extra) {
        return create(Optional.of(port), extra);
    }

    private Javalin create(Optional<ServerPort> port, Consumer<JavalinConfig> extra) {
        return Javalin.create(config -> {
            JettyConfig jetty = config.jetty;
            jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(json)));
            jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
            jetty.addConnector((server, http) -> connector(server, http, port, jetty));
            config.jetty.threadPool = threadPool();
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.requestLogger.http(requestLog::end);
            config.routes.before(requestLog::begin);
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
            config.routes.get("/v1/admin/insights", ctx -> ctx.json(WorkbenchRoutes.insights(ctx, admin)));
            // The content team's workbench (issue 13): /admin and its /v1/admin/* calls.
            admin.workbench().ifPresent(workbench -> WorkbenchRoutes.register(config, workbench, parser));
            // The OpenAI-compatible face (api-v1.md, "For API consumers"): the same answers, keyed when keys are set.
            requireKeyWhenSet(config, OpenAiRoutes.MODELS);
            requireKeyWhenSet(config, OpenAiRoutes.COMPLETIONS);
            openAi.register(config);
            // The API described (OpenAPI 3.1) and shown to people (Swagger UI).
            docs.register(config);
            operatorRoutes(config);
            mapErrors(config);
            extra.accept(config);
        });
    }

    /**
     * Jetty's selector and acceptor on platform threads, which the operating system time-slices, and
     * each request on a virtual thread, which may wait cheaply (for a model, for the CPU lane). With
     * everything on virtual threads, answers' CPU work kept the two carrier threads busy and new
     * requests were not even read: {@code /health} waited over a second under load.
     */
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool threads = new QueuedThreadPool(PLATFORM_THREADS, 4);
        threads.setName("kira-jetty");
        threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("kira-request"));
        return threads;
    }

    /**
     * A machine face ({@code path}: the OpenAI face, /mcp) needs a configured key, as Bearer or
     * X-Api-Key, once KIRA_API_KEYS is set; with none set it is open, as the widget's /v1/answers
     * always is. A CORS preflight carries no key and passes to the CORS handler.
     */
    void requireKeyWhenSet(JavalinConfig config, String path) {
        config.routes.before(path, ctx -> {
            if (ctx.method() != HandlerType.OPTIONS) {
                apiKeys.requireWhenSet(ctx.header("Authorization"), ctx.header("X-Api-Key"));
            }
        });
    }

    /**
     * For operators and agents (issue 12): readiness for a load balancer (open, like /health),
     * Prometheus metrics (an admin key when keys are configured), and the MCP server at /mcp, a
     * servlet beside Javalin's in the same Jetty, behind the same keys ({@link McpFilter}).
     */
    private void operatorRoutes(JavalinConfig config) {
        config.routes.get("/ready", ctx -> {
            Readiness readiness = operations.readiness().get();
            ctx.status(readiness.answering() ? 200 : 503).json(readiness);
        });
        config.routes.get("/metrics", ctx -> {
            if (!options.apiKeys().isEmpty()) {
                apiKeys.require(ctx.header("Authorization"), ctx.header("X-Api-Key"));
            }
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(operations.metrics().scrape());
        });
        operations
                .mcp()
                .ifPresent(mcp -> config.jetty.modifyServletContextHandler(handler -> {
                    ServletHolder servlet = new ServletHolder("mcp", mcp.apply(mcpGate()));
                    // The transport answers over server-sent events with the servlet's asynchronous API.
                    servlet.setAsyncSupported(true);
                    handler.addServlet(servlet, MCP_PATH);
                    FilterHolder filter = new FilterHolder(
                            new McpFilter(apiKeys, !options.apiKeys().isEmpty(), json, requestLog));
                    filter.setAsyncSupported(true);
                    handler.addFilter(filter, MCP_PATH, EnumSet.of(DispatcherType.REQUEST));
                }));
    }

    /** The MCP servlet's view of this server's clients and rate limits. */
    private McpGate mcpGate() {
        return new McpGate() {
            @Override
            public String client(HttpServletRequest request) {
                return clients.of(request);
            }

            @Override
            public long acquire(String what, String client) {
                return rateLimiter.acquire(what + " " + client);
            }
        };
    }

    /** The one connector: Jetty's HTTP/1.1 with the idle and header timeouts, on the bound socket if there is one. */
    private ServerConnector connector(
            Server server, HttpConfiguration http, Optional<ServerPort> port, JettyConfig jetty) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        connector.addBean(new HeaderTimeout(connector, options.headerTimeout()));
        if (port.isPresent()) {
            try {
                connector.open(port.get().channel());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            connector.setHost(jetty.host);
            connector.setPort(jetty.port);
            connector.setAcceptQueueSize(ServerPort.ACCEPT_QUEUE);
        }
        return connector;
    }

    private void answer(Context ctx) {
        AnswerResponse response = answers.answer(admitted(ctx));
        ctx.attribute(RequestLog.ANSWER, response);
        ctx.json(response);
    }

    /**
     * Server-sent events: {@code delta} events with the answer's sentences, then {@code done} with
     * the full response, or one {@code error}. Bad input and rate limits are refused as ordinary
     * JSON errors before the stream opens. A client that goes away mid-stream is no failure of
     * ours: the request's log line says so, and nothing else is logged.
     */
    private void stream(Context ctx) throws IOException {
        AnswerRequest request = admitted(ctx);
        ctx.status(200).contentType("text/event-stream; charset=utf-8").header("X-Accel-Buffering", "no");
        SseWriter events = new SseWriter(ctx.res().getOutputStream(), json);
        try {
            AnswerResponse response = answers.stream(request, text -> events.send("delta", Map.of("text", text)));
            ctx.attribute(RequestLog.ANSWER, response);
            events.send("done", response);
        } catch (KiraException.Overloaded e) {
            // Refused before any work, so before any event: the reader gets the plain 503 and Retry-After.
            throw e;
        } catch (KiraException.ModelUnavailable e) {
            sendError(events, ErrorBody.of("model_unavailable", e.getMessage()));
        } catch (RuntimeException e) {
            // The pipeline may wrap the failed write, or carry on and fail at the next one: ask the writer.
            if (!events.clientGone()) {
                LOG.error("stream failed on {}", ctx.path(), e);
                sendError(
                        events, ErrorBody.of("internal_error", "Something went wrong on our side. Please try again."));
            }
        }
        if (events.clientGone()) {
            ctx.attribute(RequestLog.NOTE, "the client went away mid-stream");
        }
    }

    private static void sendError(SseWriter events, ErrorBody error) {
        try {
            events.send("error", error.error());
        } catch (SseWriter.ClientGone e) {
            // Nobody is left to tell; the request's log line says so.
        }
    }

    /** A reader's rating of an answer: a down vote, with its comment redacted, goes to the insights. */
    private void feedback(Context ctx) {
        Feedback feedback = parser.feedback(jsonBody(ctx));
        limit(ctx, "feedback");
        answers.rate(feedback.answerId(), feedback.rating(), feedback.comment());
        ctx.status(202).json(Map.of("accepted", true));
    }

    /**
     * Grounding costs a retrieval and two embeddings per sentence, so text beyond the service's
     * limits is refused with 413 before any of that work, as a body too large would be.
     */
    private void grounding(Context ctx) {
        RequestParser.GroundingRequest request = parser.grounding(jsonBody(ctx));
        int chars = TextLength.of(request.answer());
        if (chars > GroundingService.MAX_ANSWER_CHARS) {
            throw new HttpError(
                    413,
                    "payload_too_large",
                    "'answer' is " + chars + " characters; the limit is " + GroundingService.MAX_ANSWER_CHARS
                            + ". Check a long text in parts.");
        }
        int sentences = splitter.split(request.answer()).size();
        if (sentences > GroundingService.MAX_SENTENCES) {
            throw new HttpError(
                    413,
                    "payload_too_large",
                    "'answer' has " + sentences + " sentences; the limit is " + GroundingService.MAX_SENTENCES
                            + ". Check a long text in parts.");
        }
        limit(ctx, "grounding");
        ctx.json(grounding.check(request.answer(), request.question()));
    }

    /** A parsed answer request from a client still within its rate limit. */
    private AnswerRequest admitted(Context ctx) {
        AnswerRequest request = parser.answerRequest(jsonBody(ctx));
        admitQuestion(ctx);
        return request;
    }

    /** Counts a question against its client's limit of answers, which every face shares; 429 when over it. */
    private void admitQuestion(Context ctx) {
        long wait = rateLimiter.acquire("answers " + clients.of(ctx));
        if (wait > 0) {
            throw new HttpError(429, "rate_limited", "Too many questions; try again in " + wait + " s.", wait);
        }
    }

    /** Counts a request to {@code what} against its client's limit; 429 when the client is over it. */
    private void limit(Context ctx, String what) {
        long wait = rateLimiter.acquire(what + " " + clients.of(ctx));
        if (wait > 0) {
            throw new HttpError(
                    429, "rate_limited", "Too many requests to " + ctx.path() + "; try again in " + wait + " s.", wait);
        }
    }

    private void search(Context ctx) {
        String q = ControlCharacters.refuse("q", queryParam(ctx, "q"));
        int k = intParam(ctx, "k", 5, 1, 20);
        if (BlankText.isBlank(q)) {
            throw new KiraException.InvalidRequest("'q' is required and must not be empty");
        }
        limit(ctx, "search");
        List<SearchResult> results = answers.search(q, k);
        ctx.json(Map.of("results", results));
    }

    /**
     * A query parameter, or 400 when the query string is not valid percent-encoding (Javalin drops a
     * value it cannot decode, which would otherwise read as a parameter never sent) or its escapes
     * are not UTF-8 (Javalin would read each bad sequence as U+FFFD and search for the rest).
     */
    private static String queryParam(Context ctx, String name) {
        String query = ctx.queryString();
        if (query != null && BAD_PERCENT_ESCAPE.matcher(query).find()) {
            throw new KiraException.InvalidRequest("the query string is not valid percent-encoding");
        }
        if (query != null && !StrictUtf8.isQuery(query)) {
            throw new KiraException.InvalidRequest("the query string is not valid UTF-8");
        }
        return ctx.queryParam(name);
    }

    /** The body of a JSON POST, refused before parsing when it is not JSON, is compressed or is too large. */
    static byte[] jsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "unsupported_media_type", "Send the body as application/json.");
        }
        return RequestBodies.read(ctx.req(), ctx.res());
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = queryParam(ctx, name);
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
        config.routes.exception(KiraException.Overloaded.class, (e, ctx) -> {
            ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            ctx.attribute(RequestLog.NOTE, "shed: the CPU lane's queue is full");
            error(ctx, 503, "overloaded", e.getMessage());
        });
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
                error(ctx, 413, "payload_too_large", RequestBodies.tooLarge().getMessage());
            }
        });
    }

    private static boolean isErrorBody(Context ctx) {
        return "true".equals(ctx.attribute("kira.error"));
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.attribute("kira.error", "true");
        ErrorBody body = ErrorBody.of(code, message);
        ctx.status(status).json(OpenAiRoutes.PATHS.contains(ctx.path()) ? body.withOpenAiType(status) : body);
    }
}
