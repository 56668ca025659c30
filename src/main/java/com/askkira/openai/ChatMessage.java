package com.askkira.openai;

import java.util.Objects;

/** One message of an OpenAI conversation, its content already joined into text. */
public record ChatMessage(Role role, String content) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** Who wrote a message. OpenAI's {@code developer} role is its newer name for {@code system}. */
    public enum Role {
        SYSTEM,
        USER,
        ASSISTANT
    }
}
