package com.askkira.openai;

import com.askkira.pipeline.AnswerResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One {@code chat.completion.chunk} of a streamed answer. Only the last chunk carries {@code
 * usage}, {@code citations} and {@code kira}; the others leave them out, as OpenAI's chunks do.
 */
public record ChatCompletionChunk(
        String id,
        String object,
        long created,
        String model,
        List<Choice> choices,
        @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> citations,
        @JsonInclude(JsonInclude.Include.NON_NULL) AnswerResponse kira) {

    public ChatCompletionChunk {
        choices = List.copyOf(choices);
    }

    /** The chunk's one choice: what it adds to the message, and, on the last, why it stopped. */
    public record Choice(
            int index,
            Delta delta,
            @JsonProperty("finish_reason") String finishReason) {}

    /** What a chunk adds: the role on the first, a piece of content on the others, nothing on the last. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content) {}
}
