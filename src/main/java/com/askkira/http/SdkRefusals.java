package com.askkira.http;

import java.util.Arrays;
import java.util.Set;

/**
 * The messages of the MCP SDK's own refusals that may reach a client. The SDK builds some from an
 * exception's message ("Failed to initialize session: …", "Error processing message: …") or from
 * what the client sent ("Session not found: <id>"); only its fixed sentences about headers and
 * media types pass, and anything else is replaced by a fixed message for its JSON-RPC code.
 */
final class SdkRefusals {
    /** Sentences the SDK writes as they are (several may be joined with "; "). */
    private static final Set<String> FIXED = Set.of(
            "text/event-stream required in Accept header",
            "application/json required in Accept header",
            "Session ID required in mcp-session-id header",
            "Unsupported Media Type: Content-Type must be application/json");

    private SdkRefusals() {}

    static String fixed(int code, String message) {
        if (!message.isBlank() && Arrays.stream(message.split("; ")).allMatch(FIXED::contains)) {
            return message;
        }
        if (message.startsWith("Session not found")) {
            return "Session not found; initialize a new session.";
        }
        return switch (code) {
            case McpMessageCheck.PARSE_ERROR -> "Parse error: the body is not valid JSON.";
            case McpMessageCheck.INVALID_REQUEST -> "Invalid request.";
            case -32601 -> "Method not found.";
            case -32602 -> "Invalid params.";
            default -> "Something went wrong on our side. Please try again.";
        };
    }
}
