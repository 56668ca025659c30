package com.askkira.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.CharacterCodingException;

/**
 * A body read as the JSON text RFC 8259 asks for between systems: UTF-8 ({@link StrictUtf8}), and
 * one value with nothing after it but white space. Jackson alone stops at the end of the first
 * value, so text after it, or a second body, went unread and the first was answered (a feedback
 * vote stored); and it guesses UTF-16 or UTF-32 from the first bytes.
 */
final class JsonText {
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final ObjectReader reader;

    JsonText(ObjectMapper json) {
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The one JSON value of {@code body}: a missing node when it holds only white space. */
    JsonNode read(byte[] body) throws CharacterCodingException, JacksonException {
        String text = StrictUtf8.decode(body);
        // RFC 8259 lets a parser ignore a byte order mark; Jackson skips one in bytes, not in text.
        return reader.readTree(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text);
    }
}
