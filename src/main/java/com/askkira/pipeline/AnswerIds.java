package com.askkira.pipeline;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/** Response ids ({@code ans_} and 16 hex digits): unguessable, since feedback names an answer by its id. */
public final class AnswerIds implements Supplier<String> {
    private final SecureRandom random = new SecureRandom();

    @Override
    public String get() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "ans_" + HexFormat.of().formatHex(bytes);
    }
}
