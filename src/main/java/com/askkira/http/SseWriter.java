package com.askkira.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events, each flushed at once so the reader sees it as it is sent. Once a write
 * fails the client is taken to be gone: every later send throws {@link ClientGone} without writing.
 */
final class SseWriter {
    private final OutputStream out;
    private final ObjectMapper json;
    private volatile boolean gone;

    SseWriter(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    void send(String event, Object data) {
        // JSON has no raw newlines, so one data line always holds the whole payload.
        write("event: " + event + "\ndata: " + json(data) + "\n\n");
    }

    /** An event with no name, only data: how OpenAI streams its chunks. */
    void data(Object data) {
        write("data: " + json(data) + "\n\n");
    }

    /** OpenAI's end of stream, {@code data: [DONE]}. */
    void done() {
        write("data: [DONE]\n\n");
    }

    private String json(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String frame) {
        if (gone) {
            throw new ClientGone(null);
        }
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            gone = true;
            throw new ClientGone(e);
        }
    }

    /** Whether a write has failed: the client closed or reset the connection, or stopped reading. */
    boolean clientGone() {
        return gone;
    }

    /** The client went away mid-stream: nothing more can reach it, and nothing is wrong on our side. */
    static final class ClientGone extends UncheckedIOException {
        ClientGone(IOException cause) {
            super("the client went away", cause == null ? new IOException("the client went away") : cause);
        }
    }
}
