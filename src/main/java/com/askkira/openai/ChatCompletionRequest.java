package com.askkira.openai;

import java.util.List;

/**
 * What Kira reads of an OpenAI chat-completions body: the messages and whether to stream. Every
 * other OpenAI parameter is accepted and ignored, except those Kira cannot honour ({@code n} above
 * 1, tools), which the parser refuses.
 */
public record ChatCompletionRequest(List<ChatMessage> messages, boolean stream) {
    public ChatCompletionRequest {
        messages = List.copyOf(messages);
    }
}
