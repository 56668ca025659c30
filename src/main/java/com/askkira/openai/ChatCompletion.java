package com.askkira.openai;

import com.askkira.pipeline.AnswerResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A {@code chat.completion}: OpenAI's standard fields, and beside them {@code citations} (the
 * sources' URLs in citation order) and {@code kira} (the whole {@code /v1/answers} response).
 */
public record ChatCompletion(
        String id,
        String object,
        long created,
        String model,
        List<Choice> choices,
        Usage usage,
        List<String> citations,
        AnswerResponse kira) {

    public ChatCompletion {
        choices = List.copyOf(choices);
        citations = List.copyOf(citations);
    }

    /** The one choice: Kira gives one answer ({@code n} above 1 is refused). */
    public record Choice(
            int index,
            Message message,
            @JsonProperty("finish_reason") String finishReason) {}

    /** The assistant's message. */
    public record Message(String role, String content) {}
}
