package com.askkira.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * UTF-8 read strictly: an overlong form, an encoded surrogate or a stray byte is an error, never a
 * character. Jackson and Javalin decode leniently, so {@code C0 AF} arrived as "/" and {@code C0 AE}
 * as ".", the classic way to slip characters past a filter, and bytes that are no UTF-8 at all
 * arrived as U+FFFD.
 */
final class StrictUtf8 {
    private StrictUtf8() {}

    static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** Whether the bytes a query string's escapes spell are UTF-8; each {@code %} must begin an escape. */
    static boolean isQuery(String query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < query.length(); ) {
            int c = query.codePointAt(i);
            if (c == '%') {
                bytes.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 3;
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        try {
            decode(bytes.toByteArray());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
