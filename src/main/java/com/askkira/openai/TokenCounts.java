package com.askkira.openai;

import dev.langchain4j.model.openai.OpenAiChatModelName;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * What {@code usage} counts with: Kira has no tokenizer of its own (the offline answerer has no
 * tokens at all), so OpenAI's current one (o200k, as for GPT-4o) stands in and the counts read as a
 * client expects.
 */
public final class TokenCounts {
    private TokenCounts() {}

    /**
     * Reading the counter's tables takes about 3 s of CPU on this project's 2-core machines: loaded
     * while the server starts, it made the start a second slower, so it loads this long after.
     */
    private static final Duration LOAD_AFTER = Duration.ofSeconds(15);

    /**
     * The o200k counter, loaded {@link #LOAD_AFTER} from now, or by the first count if that comes
     * sooner (which then waits for it).
     */
    public static ToIntFunction<String> o200k() {
        Loaded counter = new Loaded();
        CompletableFuture.delayedExecutor(LOAD_AFTER.toMillis(), TimeUnit.MILLISECONDS)
                .execute(counter::get);
        return text -> counter.get().estimateTokenCountInText(text);
    }

    /** The counter, loaded once by whoever needs it first. */
    private static final class Loaded {
        private OpenAiTokenCountEstimator estimator;

        synchronized OpenAiTokenCountEstimator get() {
            if (estimator == null) {
                estimator = new OpenAiTokenCountEstimator(OpenAiChatModelName.GPT_4_O);
            }
            return estimator;
        }
    }
}
