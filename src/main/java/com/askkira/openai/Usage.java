package com.askkira.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OpenAI's {@code usage}: tokens in the messages sent and in the content returned. */
public record Usage(
        @JsonProperty("prompt_tokens") int promptTokens,
        @JsonProperty("completion_tokens") int completionTokens,
        @JsonProperty("total_tokens") int totalTokens) {

    public static Usage of(int promptTokens, int completionTokens) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
    }
}
