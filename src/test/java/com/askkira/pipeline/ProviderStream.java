package com.askkira.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Each provider's streamed reply exactly as its server sends it: OpenAI's chat-completion chunks
 * and Anthropic's message events as server-sent events, Ollama's as one JSON object a line. A
 * reply that is cut off has its pieces but no closing event, and ends in the middle of one.
 */
public enum ProviderStream {
    OPENAI("/v1/chat/completions", "/v1", "text/event-stream", "openai"),
    OLLAMA("/api/chat", "", "application/x-ndjson", "ollama"),
    ANTHROPIC("/v1/messages", "/v1", "text/event-stream", "anthropic");

    private static final ObjectMapper JSON = new ObjectMapper();

    public final String path;
    public final String basePath;
    public final String contentType;
    public final String provider;

    ProviderStream(String path, String basePath, String contentType, String provider) {
        this.path = path;
        this.basePath = basePath;
        this.contentType = contentType;
        this.provider = provider;
    }

    /** The whole streamed body for a reply written in {@code pieces}; {@code cut} drops its ending. */
    public String body(List<String> pieces, boolean cut) {
        StringBuilder out = new StringBuilder();
        switch (this) {
            case OPENAI -> {
                out.append(sse(
                        null,
                        openAiChunk(
                                JSON.createObjectNode().put("role", "assistant").put("content", ""), null)));
                pieces.forEach(p ->
                        out.append(sse(null, openAiChunk(JSON.createObjectNode().put("content", p), null))));
                if (!cut) {
                    out.append(sse(null, openAiChunk(JSON.createObjectNode(), "stop")));
                    out.append("data: [DONE]\n\n");
                }
            }
            case OLLAMA -> {
                pieces.forEach(p -> out.append(ollamaLine(p, false)).append('\n'));
                if (!cut) {
                    out.append(ollamaLine("", true)).append('\n');
                }
            }
            case ANTHROPIC -> {
                out.append(
                        sse(
                                "message_start",
                                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\","
                                        + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-3-5-haiku-20241022\",\"content\":[],"
                                        + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":812,\"output_tokens\":1}}}"));
                out.append(
                        sse(
                                "content_block_start",
                                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
                out.append(sse("ping", "{\"type\": \"ping\"}"));
                for (String p : pieces) {
                    ObjectNode delta = JSON.createObjectNode()
                            .put("type", "content_block_delta")
                            .put("index", 0);
                    delta.putObject("delta").put("type", "text_delta").put("text", p);
                    out.append(sse("content_block_delta", delta.toString()));
                }
                if (!cut) {
                    out.append(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
                    out.append(sse(
                            "message_delta",
                            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":41}}"));
                    out.append(sse("message_stop", "{\"type\":\"message_stop\"}"));
                }
            }
        }
        if (cut) {
            // The connection drops in the middle of the next event.
            out.append(
                    this == OLLAMA
                            ? "{\"model\":\"llama3.1\",\"message\":{\"role\":\"assi"
                            : "data: {\"id\":\"chatcmpl-7\",\"cho");
        }
        return out.toString();
    }

    /** A body no client can read as this provider's stream: the JSON of its first event is broken. */
    String malformed() {
        return this == OLLAMA
                ? "{\"model\":\"llama3.1\",\"message\":{\"content\":\"In most\"}, done: tru}\n"
                : "data: {\"choices\":[{\"delta\":{\"content\":\"In most\"}]]]\n\n";
    }

    /** The provider's own error body for an HTTP error. */
    String error(String type, String message) {
        return switch (this) {
            case OPENAI ->
                "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":null}}";
            case OLLAMA -> "{\"error\":\"" + message + "\"}";
            case ANTHROPIC ->
                "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
        };
    }

    private static String openAiChunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = JSON.createObjectNode()
                .put("id", "chatcmpl-7")
                .put("object", "chat.completion.chunk")
                .put("created", 1764000000)
                .put("model", "gpt-4o-mini-2024-07-18")
                .put("system_fingerprint", "fp_0ba0d124f1");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return chunk.toString();
    }

    private static String ollamaLine(String content, boolean done) {
        ObjectNode line =
                JSON.createObjectNode().put("model", "llama3.1").put("created_at", "2026-11-27T21:00:00.123456Z");
        line.putObject("message").put("role", "assistant").put("content", content);
        if (done) {
            line.put("done_reason", "stop")
                    .put("done", true)
                    .put("total_duration", 4_883_583_458L)
                    .put("prompt_eval_count", 812)
                    .put("eval_count", 41);
        } else {
            line.put("done", false);
        }
        return line.toString();
    }

    private static String sse(String event, String data) {
        return (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
    }
}
