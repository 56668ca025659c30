package com.askkira.http;

import com.askkira.pipeline.KiraException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * What Javalin does for its own routes, done in front of the MCP servlet, which Javalin's handlers
 * do not reach: the request id ({@code X-Request-Id}), the key check (with KIRA_API_KEYS set,
 * {@code /mcp} needs one, sent as {@code Authorization: Bearer}, and a request without it gets the
 * contract's 401 body), the body limit of every JSON route (the contract's 413), and the request's
 * one log line and metrics, written when the response is complete (the transport answers
 * asynchronously, over server-sent events). A message is checked before the SDK reads it ({@link
 * McpMessageCheck}), and a refusal by the SDK's servlet leaves without the stack trace and
 * exception text the SDK writes into it ({@link HeldErrorResponse}).
 */
final class McpFilter extends HttpFilter {
    private final transient ApiKeys keys;
    private final boolean required;
    private final transient ObjectMapper json;
    private final transient RequestLog log;
    private final transient McpMessageCheck messages;

    McpFilter(ApiKeys keys, boolean required, ObjectMapper json, RequestLog log) {
        this.keys = keys;
        this.required = required;
        this.json = json;
        this.log = log;
        this.messages = new McpMessageCheck(json);
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
                response.setHeader("WWW-Authenticate", "Bearer");
                contractError(response, new HttpError(401, "unauthorized", "/mcp needs a valid API key (Bearer)."));
                return;
            }
            HttpServletRequest admitted = request;
            if ("POST".equals(request.getMethod())) {
                byte[] body = RequestBodies.read(request, response);
                Optional<McpMessageCheck.Refusal> refusal =
                        isJson(request.getContentType()) ? messages.check(body) : Optional.empty();
                if (refusal.isPresent()) {
                    refuse(response, refusal.get());
                    return;
                }
                admitted = new BufferedBodyRequest(request, body);
            }
            HeldErrorResponse guarded = new HeldErrorResponse(response);
            chain.doFilter(admitted, guarded);
            guarded.sendHeld(json);
        } catch (HttpError e) {
            contractError(response, e);
        } catch (KiraException.InvalidRequest e) {
            refuse(
                    response,
                    McpMessageCheck.Refusal.of(McpMessageCheck.PARSE_ERROR, "Parse error: " + e.getMessage() + "."));
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(id, request.getMethod(), start));
            } else {
                write(id, request.getMethod(), response.getStatus(), start);
            }
        }
    }

    /** A body of another type goes on to the SDK, which refuses it with its own fixed message. */
    private static boolean isJson(String contentType) {
        return contentType != null && contentType.split(";", 2)[0].strip().equalsIgnoreCase("application/json");
    }

    /** An error in the contract's shape, as the rest of the API gives it (401, 413). */
    private void contractError(HttpServletResponse response, HttpError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType("application/json;charset=utf-8");
        json.writeValue(response.getOutputStream(), ErrorBody.of(error.code(), error.getMessage()));
    }

    /** A message refused before the SDK saw it, as JSON-RPC's error response. */
    private void refuse(HttpServletResponse response, McpMessageCheck.Refusal refusal) throws IOException {
        response.setStatus(refusal.status());
        response.setContentType("application/json;charset=utf-8");
        json.writeValue(
                response.getOutputStream(), McpMessageCheck.errorBody(refusal.id(), refusal.code(), refusal.message()));
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
