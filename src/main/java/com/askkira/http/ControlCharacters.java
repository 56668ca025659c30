package com.askkira.http;

import com.askkira.pipeline.KiraException;

/**
 * Text a client sends is refused, not cleaned, when it holds a control character: the C0 range
 * (U+0000 to U+001F) other than tab, line feed and carriage return, DEL (U+007F) and the C1 range
 * (U+0080 to U+009F). No reader types one; they come from scripts probing for crashes or for
 * terminal escapes in logs, and quietly dropping them would change what was asked without saying so.
 */
public final class ControlCharacters {
    private ControlCharacters() {}

    /** {@code value} unchanged, or a 400 naming the field and the first control character in it. */
    public static String refuse(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                throw new KiraException.InvalidRequest(String.format(
                        "'%s' contains the control character U+%04X; only tab, line feed and carriage return are"
                                + " allowed",
                        field, (int) c));
            }
        }
        return value;
    }

    static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
