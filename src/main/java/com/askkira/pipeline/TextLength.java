package com.askkira.pipeline;

/**
 * How long a client's text is, as the contract's limits ("1 to 1,000 characters") and the OpenAPI
 * document's {@code maxLength} count it: in characters, that is code points. {@link String#length}
 * counts UTF-16 units, two for an emoji or a rarer CJK ideograph, which halved every limit for text
 * written in them and named twice their number in the refusal.
 */
public final class TextLength {
    private TextLength() {}

    public static int of(String text) {
        return text.codePointCount(0, text.length());
    }
}
