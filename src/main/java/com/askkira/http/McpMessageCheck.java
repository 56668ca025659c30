package com.askkira.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.CharacterCodingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code /mcp} checks of a message before the MCP SDK reads it. The SDK refuses a malformed
 * message with its parser's or its exception's own text (Java class names, source locations, the
 * body itself); here each is refused with a fixed JSON-RPC error instead, -32700 for a body that is
 * not one JSON value in UTF-8 ({@link JsonText}) and -32600 for one that is not a JSON-RPC message.
 * A request whose params the SDK could not read got no answer at all; it gets -32602 with its id.
 * What passes, the SDK reads as before. The stdio transport checks each line it reads the same way.
 */
public final class McpMessageCheck {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;

    /** A JSON-RPC error to send instead of passing the message on; {@code id} is JSON null when unknown. */
    public record Refusal(int status, JsonNode id, int code, String message) {
        static Refusal of(int code, String message) {
            return new Refusal(400, NullNode.getInstance(), code, message);
        }
    }

    /** {@code {"jsonrpc": "2.0", "id": …, "error": {"code": …, "message": …}}}. */
    public static Map<String, Object> errorBody(JsonNode id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", id);
        body.put("error", error);
        return body;
    }

    private final JsonText json;

    public McpMessageCheck(ObjectMapper json) {
        this.json = new JsonText(json);
    }

    public Optional<Refusal> check(byte[] body) {
        JsonNode message;
        try {
            message = json.read(body);
        } catch (CharacterCodingException e) {
            return Optional.of(Refusal.of(PARSE_ERROR, "Parse error: the body is not valid UTF-8."));
        } catch (StreamConstraintsException e) {
            return Optional.of(Refusal.of(PARSE_ERROR, "Parse error: the body nests too deeply."));
        } catch (JacksonException e) {
            return Optional.of(Refusal.of(PARSE_ERROR, "Parse error: the body is not valid JSON."));
        }
        if (message.isMissingNode()) {
            return Optional.of(Refusal.of(PARSE_ERROR, "Parse error: the body is not valid JSON."));
        }
        Optional<String> malformed = envelope(message);
        if (malformed.isPresent()) {
            return malformed.map(problem -> Refusal.of(INVALID_REQUEST, "Invalid request: " + problem));
        }
        // A request's answer goes back as any answer does (200), with its id, so the client stops waiting.
        JsonNode id = message.get("id");
        return id == null || !message.has("method")
                ? Optional.empty()
                : McpParamsCheck.problem(message.get("method").textValue(), message.get("params"))
                        .map(problem -> new Refusal(200, id, INVALID_PARAMS, "Invalid params: " + problem));
    }

    /** What makes {@code message} no JSON-RPC 2.0 message the SDK can take, if anything. */
    private static Optional<String> envelope(JsonNode message) {
        if (message.isArray()) {
            // MCP 2025-06-18 dropped JSON-RPC batching.
            return Optional.of("batches are not supported; send one message per request.");
        }
        if (!message.isObject()) {
            return Optional.of("a message is a JSON object.");
        }
        if (!"2.0".equals(message.path("jsonrpc").textValue())) {
            return Optional.of("'jsonrpc' must be \"2.0\".");
        }
        JsonNode id = message.get("id");
        if (id != null && !(id.isTextual() || (id.isIntegralNumber() && id.canConvertToLong()))) {
            return Optional.of("'id' must be a string or an integer.");
        }
        JsonNode method = message.get("method");
        if (method != null && !method.isTextual()) {
            return Optional.of("'method' must be a string.");
        }
        if (method == null && (id == null || !(message.has("result") || message.has("error")))) {
            return Optional.of("a message needs a 'method', or, answering one, an 'id' and a 'result' or 'error'.");
        }
        return Optional.empty();
    }
}
