package com.askkira.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The params of the requests whose handlers read them into one of the MCP SDK's request types.
 * The SDK reads them before its error handling begins, so params it cannot read (an array, a
 * string, none, a tool call without a name) ended the response stream with no answer at all, and a
 * client waiting for that id waited for ever; {@link McpMessageCheck} answers -32602 instead.
 */
final class McpParamsCheck {
    /** The methods Kira's server answers whose params the SDK reads into a request object. */
    private static final Set<String> PARAMS_READ =
            Set.of("initialize", "tools/call", "resources/read", "logging/setLevel");

    /** MCP's logging levels, as its {@code logging/setLevel} takes them. */
    private static final List<String> LOG_LEVELS =
            List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    private McpParamsCheck() {}

    /**
     * What is wrong with the params of a request whose handler reads them into the SDK's request
     * type: the SDK reads them before any error handling, so a failure there answered nothing at all.
     */
    static Optional<String> problem(String method, JsonNode params) {
        if (!PARAMS_READ.contains(method)) {
            return Optional.empty();
        }
        if (params == null || !params.isObject()) {
            return Optional.of(method + " needs 'params', an object.");
        }
        if (!isObjectOrAbsent(params.get("_meta"))) {
            return Optional.of("'_meta' must be an object.");
        }
        return switch (method) {
            case "initialize" ->
                isTextOrAbsent(params.get("protocolVersion"))
                                && isObjectOrAbsent(params.get("capabilities"))
                                && isObjectOrAbsent(params.get("clientInfo"))
                        ? Optional.empty()
                        : Optional.of("'protocolVersion' is a string, 'capabilities' and 'clientInfo' objects.");
            case "tools/call" ->
                !params.path("name").isTextual()
                        ? Optional.of("tools/call needs the tool's 'name', a string.")
                        : isObjectOrAbsent(params.get("arguments"))
                                ? Optional.empty()
                                : Optional.of("'arguments' must be an object.");
            case "resources/read" ->
                params.path("uri").isTextual()
                        ? Optional.empty()
                        : Optional.of("resources/read needs the resource's 'uri', a string.");
            default ->
                LOG_LEVELS.contains(params.path("level").asText(""))
                        ? Optional.empty()
                        : Optional.of(
                                "logging/setLevel needs a 'level', one of " + String.join(", ", LOG_LEVELS) + ".");
        };
    }

    private static boolean isObjectOrAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isObject();
    }

    private static boolean isTextOrAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isTextual();
    }
}
