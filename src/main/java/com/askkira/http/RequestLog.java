package com.askkira.http;

import com.askkira.ops.KiraMetrics;
import com.askkira.pipeline.AnswerResponse;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log line per request, as key-value pairs that logback's JsonEncoder writes as JSON: request
 * id, method, route, status, time and, for an answer, its stage timings, verdict, abstention,
 * model and whether it was degraded. Never a question, an answer, a query string or a body; a
 * crisis is counted in the metrics, not logged. The id is returned as {@code X-Request-Id} and is
 * in the MDC while the request runs, so any other line it logs (a model failure) carries it too.
 */
final class RequestLog {
    static final String HEADER = "X-Request-Id";
    /** The answer a handler returned, for its request's line. */
    static final String ANSWER = "kira.log.answer";
    /** What happened that the status alone does not say (a client gone mid-stream). */
    static final String NOTE = "kira.log.note";

    private static final Logger LOG = LoggerFactory.getLogger(KiraServer.class);
    private static final String ID = "kira.log.requestId";
    /** An id a proxy in front already gave the request is kept when it is this plain; otherwise Kira makes one. */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private final KiraMetrics metrics;

    RequestLog(KiraMetrics metrics) {
        this.metrics = metrics;
    }

    /** Names the request: the caller's plain id or a new one, in the response header and the MDC. */
    void begin(Context ctx) {
        String id = id(ctx.header(HEADER));
        ctx.attribute(ID, id);
        ctx.header(HEADER, id);
    }

    /** The caller's id when it is plain, else a new one; in the MDC until {@link #write} logs the request. */
    static String id(String given) {
        String id = given != null && PLAIN_ID.matcher(given).matches() ? given : newId();
        MDC.put("requestId", id);
        return id;
    }

    /** The request's one line, and its count and latency in the metrics. */
    void end(Context ctx, float ms) {
        // Typed locals: addKeyValue also takes a Supplier, which an untyped attribute would be cast to.
        String id = ctx.attribute(ID);
        String note = ctx.attribute(NOTE);
        AnswerResponse answer = ctx.attribute(ANSWER) instanceof AnswerResponse a ? a : null;
        write(id, ctx.method().name(), route(ctx), ctx.statusCode(), ms, answer, note);
    }

    /** One request's line and metrics; {@code answer} and {@code note} may be null. */
    void write(String id, String method, String route, int status, float ms, AnswerResponse answer, String note) {
        metrics.request(route, method, status, (long) (ms * 1_000_000));
        LoggingEventBuilder line = LOG.atInfo()
                .addKeyValue("requestId", id)
                .addKeyValue("method", method)
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("ms", Math.round(ms * 10) / 10.0);
        if (answer != null) {
            line.addKeyValue("retrieveMs", answer.timingsMs().retrieve())
                    .addKeyValue("generateMs", answer.timingsMs().generate())
                    .addKeyValue("guardMs", answer.timingsMs().guard())
                    .addKeyValue("totalMs", answer.timingsMs().total())
                    .addKeyValue("verdict", answer.guardrail().verdict().wireName())
                    .addKeyValue(
                            "abstention",
                            answer.abstainReason() == null
                                    ? "none"
                                    : answer.abstainReason().wireName())
                    .addKeyValue("model", answer.model())
                    .addKeyValue("degraded", answer.degraded());
        }
        if (note != null) {
            line.addKeyValue("note", note);
        }
        line.log("{} {} {}", method, route, status);
        MDC.remove("requestId");
    }

    /**
     * The route's pattern ({@code /v1/answers}, {@code /articles/{slug}}), never the path a client
     * sent: a made-up path per request would make a metric series per request.
     */
    static String route(Context ctx) {
        try {
            Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            if (matched != null) {
                return matched.path;
            }
        } catch (RuntimeException none) {
            // No route matched: a 404, or a file served from the web folder.
        }
        return ctx.statusCode() == 404 ? "unmatched" : "static";
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }
}
