package com.askkira.http;

/** {@code {"error": {"code": "…", "message": "…"}}}: the body of every error. */
record ErrorBody(Detail error) {
    record Detail(String code, String message) {}

    static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message));
    }
}
