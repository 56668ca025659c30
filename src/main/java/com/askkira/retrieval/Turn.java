package com.askkira.retrieval;

import java.util.Objects;

/** One earlier message of the conversation, as the client sent it. */
public record Turn(Role role, String content) {
    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** Who wrote a turn. */
    public enum Role {
        USER,
        ASSISTANT
    }
}
