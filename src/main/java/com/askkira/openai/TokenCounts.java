package com.askkira.openai;

import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;

/**
 * What {@code usage} counts with: Kira has no tokenizer of its own (the offline answerer has no
 * tokens at all), so OpenAI's current one (o200k, as for GPT-4o) stands in and the counts read as a
 * client expects.
 */
public final class TokenCounts {
    private TokenCounts() {}

    /**
     * The o200k counter, loading in the background from now on: reading its tables takes about 3 s
     * on this project's 2-core machines, which a server's start should not wait for. The first count
     * waits for the load if it is still running.
     */
    public static ToIntFunction<String> o200k() {
        CompletableFuture<OpenAiTokenCountEstimator> estimator =
                CompletableFuture.supplyAsync(() -> new OpenAiTokenCountEstimator(OpenAiChatModelName.GPT_4_O));
        return text -> estimator.join().estimateTokenCountInText(text);
    }
}
