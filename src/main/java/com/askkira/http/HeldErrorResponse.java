package com.askkira.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A response whose refusals (status 400 and up) are held back and sent again without what must not
 * reach a client. The MCP SDK's servlet writes a refused request's {@code McpError} as it
 * serialises any exception, stack trace included; {@link #sendHeld} sends its JSON-RPC error alone,
 * {@code {"jsonrpc": "2.0", "id": null, "error": {"code": -32600, "message": "…"}}}, with a message
 * of ours for the SDK's ({@link SdkRefusals}), which may quote an exception.
 */
final class HeldErrorResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private PrintWriter writer;
    private boolean holding;

    HeldErrorResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (getStatus() < 400) {
            return super.getOutputStream();
        }
        holding = true;
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                held.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("a held refusal is written at once");
            }
        };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (getStatus() < 400) {
            return super.getWriter();
        }
        holding = true;
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8));
        }
        return writer;
    }

    /** Sends the refusal held back, if there is one, as its JSON-RPC error without the rest. */
    void sendHeld(ObjectMapper json) throws IOException {
        if (!holding) {
            return;
        }
        if (writer != null) {
            writer.flush();
        }
        int code = McpMessageCheck.INVALID_REQUEST;
        String message = "";
        try {
            JsonNode sent = json.readTree(held.toByteArray());
            JsonNode rpc = sent.path("jsonRpcError");
            if (rpc.path("code").isInt()) {
                code = rpc.get("code").asInt();
            }
            message = rpc.path("message").asText(sent.path("message").asText(""));
        } catch (IOException e) {
            // Not JSON: the generic message stands, and nothing of what was written leaves.
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setContentType("application/json;charset=utf-8");
        byte[] bytes = json.writeValueAsBytes(
                McpMessageCheck.errorBody(NullNode.getInstance(), code, SdkRefusals.fixed(code, message)));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
