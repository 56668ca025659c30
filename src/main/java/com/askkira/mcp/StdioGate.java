package com.askkira.mcp;

import com.askkira.http.McpMessageCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP server's MCP filter does for {@code /mcp}, done for stdio, one line a message. Each
 * line the client sends is checked before the MCP SDK reads it ({@link McpMessageCheck}); and each
 * line the SDK writes leaves without exception text. Unchecked, the SDK ended the session at the
 * first line that was not JSON, and answered a request it failed on (params it could not read, say)
 * with -32603 and its exception's message, Java class names and all.
 */
final class StdioGate {
    private static final int INTERNAL_ERROR = -32603;

    private static final Logger LOG = LoggerFactory.getLogger(StdioGate.class);

    private final ObjectMapper json;
    private final McpMessageCheck check;
    private final OutputStream out;

    /** {@code out}: the client's end, written one whole line at a time by the SDK and by this gate. */
    StdioGate(ObjectMapper json, OutputStream out) {
        this.json = json;
        this.check = new McpMessageCheck(json);
        this.out = out;
    }

    /** The lines of {@code in} that pass, for the SDK to read; each refused one is answered at once. */
    InputStream requests(InputStream in) {
        return new Requests(in);
    }

    /** Where the SDK writes: each line goes out once complete, an internal error's message replaced. */
    OutputStream responses() {
        return new Responses();
    }

    private synchronized void send(byte[] line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }

    /** {@code line} as it came, or, when it is an internal error, with a fixed message instead. */
    private byte[] withoutExceptionText(byte[] line) {
        try {
            JsonNode message = json.readTree(line);
            JsonNode error = message.path("error");
            if (!error.isObject() || error.path("code").asInt() != INTERNAL_ERROR) {
                return line;
            }
            LOG.error(
                    "MCP request {} failed: {}",
                    message.path("id"),
                    error.path("message").asText());
            ((ObjectNode) error).put("message", KiraMcp.OUR_FAULT);
            return json.writeValueAsBytes(message);
        } catch (IOException e) {
            // The SDK writes JSON; a line that is not is passed on as the SDK wrote it.
            return line;
        }
    }

    private final class Requests extends InputStream {
        private final InputStream in;
        private byte[] line = new byte[0];
        private int next;

        Requests(InputStream in) {
            // Buffered: read a byte at a time, the client's stream would be a system call a byte.
            this.in = new BufferedInputStream(in);
        }

        @Override
        public int read() throws IOException {
            return fill() ? line[next++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, line.length - next);
            System.arraycopy(line, next, buffer, offset, count);
            next += count;
            return count;
        }

        /** True once a line that passed is waiting to be read; false at the end of the client's input. */
        private boolean fill() throws IOException {
            while (next == line.length) {
                Optional<byte[]> read = readLine();
                if (read.isEmpty()) {
                    return false;
                }
                byte[] message = read.get();
                if (isBlank(message)) {
                    continue; // no message, and the SDK would take it for a malformed one
                }
                Optional<McpMessageCheck.Refusal> refusal = check.check(message);
                if (refusal.isPresent()) {
                    McpMessageCheck.Refusal r = refusal.get();
                    send(json.writeValueAsBytes(McpMessageCheck.errorBody(r.id(), r.code(), r.message())));
                } else {
                    line = new byte[message.length + 1];
                    System.arraycopy(message, 0, line, 0, message.length);
                    line[message.length] = '\n';
                    next = 0;
                }
            }
            return true;
        }

        private static boolean isBlank(byte[] line) {
            for (byte b : line) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }

        /** The next line without its line feed; empty at the end of the input. */
        private Optional<byte[]> readLine() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    return bytes.size() == 0 ? Optional.empty() : Optional.of(bytes.toByteArray());
                }
                bytes.write(b);
            }
            return Optional.of(bytes.toByteArray());
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private final class Responses extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, start, i - start);
                    send(withoutExceptionText(line.toByteArray()));
                    line.reset();
                    start = i + 1;
                }
            }
            line.write(bytes, start, offset + length - start);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
