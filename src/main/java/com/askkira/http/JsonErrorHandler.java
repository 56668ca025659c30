package com.askkira.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request line it cannot parse, a URI or headers over its limits, a
 * version it does not speak) in the contract's shape, {@code {"error": {"code", "message"}}}, instead
 * of Jetty's HTML page. These requests never reach Javalin, so {@link KiraServer}'s mapping cannot
 * see them. The message is ours, never Jetty's, which may quote the request back.
 */
final class JsonErrorHandler implements Request.Handler {
    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
        int status = response.getStatus();
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException e) {
            status = e.getCode();
            response.setStatus(status);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpStatus.hasNoBody(status) || HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        ErrorBody body = body(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(body)), callback);
        return true;
    }

    static ErrorBody body(int status) {
        return switch (status) {
            case 400 -> ErrorBody.of("bad_request", "The request is not valid HTTP.");
            case 408 -> ErrorBody.of("request_timeout", "The request did not arrive in time.");
            case 413 -> ErrorBody.of("payload_too_large", "The body is too large.");
            case 414 ->
                ErrorBody.of(
                        "uri_too_long",
                        "The request line is over " + KiraServer.MAX_HEADER_BYTES / 1024 + " KiB; send long text"
                                + " in a POST body.");
            case 431 ->
                ErrorBody.of(
                        "headers_too_large",
                        "The request headers are over " + KiraServer.MAX_HEADER_BYTES / 1024 + " KiB.");
            case 505 -> ErrorBody.of("http_version_not_supported", "Use HTTP/1.1.");
            default ->
                status >= 500
                        ? ErrorBody.of("internal_error", "Something went wrong on our side. Please try again.")
                        : ErrorBody.of(
                                HttpStatus.getMessage(status)
                                        .toLowerCase(Locale.ROOT)
                                        .replaceAll("[^a-z0-9]+", "_"),
                                HttpStatus.getMessage(status) + ".");
        };
    }
}
