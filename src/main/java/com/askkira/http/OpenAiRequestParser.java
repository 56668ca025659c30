package com.askkira.http;

import com.askkira.openai.ChatCompletionRequest;
import com.askkira.openai.ChatMessage;
import com.askkira.pipeline.KiraException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an OpenAI chat-completions body as strictly as {@link RequestParser} reads ours: wrong
 * types and control characters are refused, naming the field. OpenAI parameters Kira has no use for
 * ({@code temperature}, {@code max_tokens}, {@code user}, {@code stream_options}, …) are ignored;
 * those it cannot honour are refused rather than silently dropped: {@code n} above 1 (Kira gives
 * one answer) and tools (Kira calls none, and answers no tool results).
 */
final class OpenAiRequestParser {
    private final RequestParser parser;

    OpenAiRequestParser(RequestParser parser) {
        this.parser = parser;
    }

    ChatCompletionRequest parse(byte[] body) {
        JsonNode root = parser.object(body);
        JsonNode model = root.get("model");
        if (model != null && !model.isNull() && !model.isTextual()) {
            throw new KiraException.InvalidRequest("'model' must be a string");
        }
        refuseTools(root);
        checkN(root.get("n"));
        return new ChatCompletionRequest(messages(root.get("messages")), stream(root.get("stream")));
    }

    private static void refuseTools(JsonNode root) {
        for (String field : List.of("tools", "functions")) {
            JsonNode tools = root.get(field);
            if (tools != null && !tools.isNull() && !(tools.isArray() && tools.isEmpty())) {
                throw new KiraException.InvalidRequest(
                        "'" + field + "' is not supported: Kira answers from its library and calls no tools");
            }
        }
    }

    private static void checkN(JsonNode n) {
        if (n == null || n.isNull()) {
            return;
        }
        if (!n.isIntegralNumber() || n.asLong() < 1) {
            throw new KiraException.InvalidRequest("'n' must be a whole number, 1");
        }
        if (n.asLong() > 1) {
            throw new KiraException.InvalidRequest("'n' must be 1: Kira gives one answer to a question");
        }
    }

    private static boolean stream(JsonNode stream) {
        if (stream == null || stream.isNull()) {
            return false;
        }
        if (!stream.isBoolean()) {
            throw new KiraException.InvalidRequest("'stream' must be true or false");
        }
        return stream.booleanValue();
    }

    private static List<ChatMessage> messages(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new KiraException.InvalidRequest("'messages' is required");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new KiraException.InvalidRequest("'messages' must be a non-empty array of {role, content}");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (JsonNode message : node) {
            if (!message.isObject()) {
                throw new KiraException.InvalidRequest(
                        "each of 'messages' must be an object with 'role' and 'content'");
            }
            ChatMessage.Role role = role(message);
            messages.add(new ChatMessage(role, content(message.get("content"))));
        }
        return messages;
    }

    private static ChatMessage.Role role(JsonNode message) {
        JsonNode role = message.get("role");
        if (role == null || !role.isTextual()) {
            throw new KiraException.InvalidRequest("each of 'messages' needs a string 'role'");
        }
        JsonNode toolCalls = message.get("tool_calls");
        JsonNode functionCall = message.get("function_call");
        boolean callsTools = (toolCalls != null && !toolCalls.isNull() && !(toolCalls.isArray() && toolCalls.isEmpty()))
                || (functionCall != null && !functionCall.isNull());
        return switch (role.textValue().toLowerCase(Locale.ROOT)) {
            case "system", "developer" -> ChatMessage.Role.SYSTEM;
            case "user" -> ChatMessage.Role.USER;
            case "assistant" -> {
                if (callsTools) {
                    throw new KiraException.InvalidRequest("tool calls are not supported: Kira calls no tools");
                }
                yield ChatMessage.Role.ASSISTANT;
            }
            case "tool", "function" ->
                throw new KiraException.InvalidRequest("tool results are not supported: Kira calls no tools");
            default ->
                throw new KiraException.InvalidRequest(
                        "a message's 'role' is \"system\", \"developer\", \"user\" or \"assistant\"");
        };
    }

    /** A string, or OpenAI's list of parts of which only text parts are understood, joined by line breaks. */
    private static String content(JsonNode content) {
        if (content != null && content.isTextual()) {
            return ControlCharacters.refuse("messages", content.textValue());
        }
        if (content == null || !content.isArray()) {
            throw new KiraException.InvalidRequest(
                    "a message's 'content' must be a string or a list of {\"type\": \"text\", \"text\": …} parts");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode part : content) {
            JsonNode type = part.get("type");
            JsonNode text = part.get("text");
            if (type == null || !"text".equals(type.asText()) || text == null || !text.isTextual()) {
                throw new KiraException.InvalidRequest(
                        "only text parts ({\"type\": \"text\", \"text\": …}) are understood in a message's 'content'");
            }
            texts.add(ControlCharacters.refuse("messages", text.textValue()));
        }
        return String.join("\n", texts);
    }
}
