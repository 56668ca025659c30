package com.askkira.answer;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.ContentInjector;
import java.util.List;
import java.util.Objects;

/**
 * Puts retrieved passages into the user's message the way Kira's prompt wants them
 * (prompts/user.txt): numbered from 1, each with its document title and section, fenced by
 * markers that carry this prompt's {@code boundary}, followed by the question in its own fence.
 * The numbers are the {@code [n]} the model cites.
 */
public final class NumberedPassageInjector implements ContentInjector {
    private final String boundary;

    public NumberedPassageInjector(String boundary) {
        if (!boundary.matches("[0-9a-zA-Z]{8,}")) {
            throw new IllegalArgumentException("a boundary is at least 8 letters or digits");
        }
        this.boundary = boundary;
    }

    @Override
    public ChatMessage inject(List<Content> contents, ChatMessage chatMessage) {
        Objects.requireNonNull(chatMessage, "chatMessage");
        if (!(chatMessage instanceof UserMessage user) || !user.hasSingleText()) {
            throw new IllegalArgumentException("passages go into a user message of text");
        }
        return UserMessage.from(AnswerPrompt.user(contents, user.singleText(), boundary));
    }
}
