package com.askkira.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes server-sent events, each flushed at once so the reader sees it as it is sent. */
final class SseWriter {
    private final OutputStream out;
    private final ObjectMapper json;

    SseWriter(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    void send(String event, Object data) {
        try {
            // JSON has no raw newlines, so one data line always holds the whole payload.
            String frame = "event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n";
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
        }
    }
}
