package com.askkira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** An OpenAI chat-completions reply as the server sends it, for WireMock stubs. */
public final class OpenAiWire {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiWire() {}

    public static String completion(String text) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "id",
                    "chatcmpl-1",
                    "object",
                    "chat.completion",
                    "created",
                    1764000000,
                    "model",
                    "gpt-4o-mini",
                    "choices",
                    List.of(Map.of(
                            "index",
                            0,
                            "finish_reason",
                            "stop",
                            "message",
                            Map.of("role", "assistant", "content", text))),
                    "usage",
                    Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
