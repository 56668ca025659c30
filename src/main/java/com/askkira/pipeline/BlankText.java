package com.askkira.pipeline;

/**
 * Whether a client's text says nothing: every character in it is white space or draws nothing.
 * {@link String#isBlank} knows only {@link Character#isWhitespace}, which leaves out the no-break
 * spaces (U+00A0, U+2007, U+202F) and every invisible format character (zero-width spaces and
 * joiners, the byte order mark U+FEFF, the soft hyphen, bidirectional marks). Text of only those
 * asks nothing, and the embedding model finds no token in it and refuses it; so every field that
 * must not be empty is checked with this one test, and such text gets the empty field's 400.
 */
public final class BlankText {
    private BlankText() {}

    /** True for null, for {@code ""} and for text of nothing but white space and invisible characters. */
    public static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(BlankText::drawsNothing);
    }

    /** White space (separators included), format characters, and the other code points Unicode says to ignore. */
    static boolean drawsNothing(int c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT
                || isOtherDefaultIgnorable(c);
    }

    /** Unicode's Default_Ignorable_Code_Point characters that are not format characters: fillers and variation selectors. */
    private static boolean isOtherDefaultIgnorable(int c) {
        return c == 0x034F
                || c == 0x115F
                || c == 0x1160
                || c == 0x17B4
                || c == 0x17B5
                || (c >= 0x180B && c <= 0x180F)
                || c == 0x3164
                || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFFA0
                || (c >= 0xE0100 && c <= 0xE01EF);
    }
}
