package com.askkira.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code {"error": {"code": "…", "message": "…"}}}: the body of every error. On the OpenAI face the
 * detail also carries OpenAI's {@code type}, which OpenAI clients read.
 */
record ErrorBody(Detail error) {
    record Detail(
            String code,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) String type) {}

    static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message, null));
    }

    /** The same error with OpenAI's {@code type} for its status, as OpenAI's own API names them. */
    ErrorBody withOpenAiType(int status) {
        String type = switch (status) {
            case 401 -> "authentication_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
        return new ErrorBody(new Detail(error.code(), error.message(), type));
    }
}
