package com.askkira.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlankTextTest {
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "",
                " \t\r\n",
                "\u00a0",
                "\u2007\u202f",
                "\u3000",
                "\u2003\u2009\u205f",
                "\u200b",
                "\u200c\u200d",
                "\ufeff",
                "\u2060",
                "\u00ad",
                "\u200e\u202e",
                "\u034f\u3164\ufe0f",
                "\u00a0\u200b \ufeff\u3000"
            })
    void should_read_text_of_only_white_space_and_invisible_characters_as_blank(String text) {
        assertThat(BlankText.isBlank(text)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"a", "\u00a0?", "\u200bWhy\u200b", ".", "\ud83d\ude00", "\u00e9", "\u4e00", "[1]"})
    void should_not_read_text_with_anything_visible_as_blank(String text) {
        assertThat(BlankText.isBlank(text)).isFalse();
    }

    @Test
    void should_read_null_as_blank() {
        assertThat(BlankText.isBlank(null)).isTrue();
    }
}
