package com.askkira.openai;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.function.ToIntFunction;

/**
 * What {@code usage} counts with: Kira has no tokenizer of its own (the offline answerer has no
 * tokens at all), so OpenAI's current one (o200k, as for GPT-4o) stands in and the counts read as a
 * client expects.
 */
public final class TokenCounts {
    private TokenCounts() {}

    /**
     * The o200k counter, read at the first count (about half a second once, only o200k's table;
     * LangChain4j's estimator read every encoding's, 3 s of CPU, which slowed the server's start
     * when it ran beside it).
     */
    public static ToIntFunction<String> o200k() {
        Loaded counter = new Loaded();
        return text -> counter.get().countTokensOrdinary(text);
    }

    /** The encoding, loaded once by whoever needs it first. */
    private static final class Loaded {
        private Encoding encoding;

        synchronized Encoding get() {
            if (encoding == null) {
                encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
            }
            return encoding;
        }
    }
}
