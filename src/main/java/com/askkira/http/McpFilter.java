package com.askkira.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What Javalin does for its own routes, done in front of the MCP servlet, which Javalin's handlers
 * do not reach: the request id ({@code X-Request-Id}), the key check (with KIRA_API_KEYS set,
 * {@code /mcp} needs one, sent as {@code Authorization: Bearer}, and a request without it gets the
 * contract's 401 body), and the request's one log line and metrics, written when the response is
 * complete (the transport answers asynchronously, over server-sent events). A refusal by the
 * SDK's servlet leaves without the stack trace the SDK writes into it ({@link HeldErrorResponse}).
 */
final class McpFilter extends HttpFilter {
    private final transient ApiKeys keys;
    private final boolean required;
    private final transient ObjectMapper json;
    private final transient RequestLog log;

    McpFilter(ApiKeys keys, boolean required, ObjectMapper json, RequestLog log) {
        this.keys = keys;
        this.required = required;
        this.json = json;
        this.log = log;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        String id = RequestLog.id(request.getHeader(RequestLog.HEADER));
        response.setHeader(RequestLog.HEADER, id);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        try {
            if (required
                    && keys.identify(request.getHeader("Authorization"), request.getHeader("X-Api-Key"))
                            .isEmpty()) {
                response.setStatus(401);
                response.setHeader("WWW-Authenticate", "Bearer");
                response.setContentType("application/json");
                json.writeValue(
                        response.getOutputStream(),
                        ErrorBody.of("unauthorized", "/mcp needs a valid API key (Bearer)."));
                return;
            }
            HeldErrorResponse guarded = new HeldErrorResponse(response);
            chain.doFilter(request, guarded);
            guarded.sendHeld(json);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(id, request.getMethod(), start));
            } else {
                write(id, request.getMethod(), response.getStatus(), start);
            }
        }
    }

    private void write(String id, String method, int status, long start) {
        log.write(id, method, KiraServer.MCP_PATH, status, (System.nanoTime() - start) / 1_000_000f, null, null);
    }

    /** Logs an asynchronous response once it is complete, with the status it ended with. */
    private final class Completion implements AsyncListener {
        private final String id;
        private final String method;
        private final long start;

        Completion(String id, String method, long start) {
            this.id = id;
            this.method = method;
            this.start = start;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            write(id, method, ((HttpServletResponse) event.getSuppliedResponse()).getStatus(), start);
        }

        @Override
        public void onTimeout(AsyncEvent event) {}

        @Override
        public void onError(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
