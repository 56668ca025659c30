package com.askkira.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitationMarkersTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Your employer cannot access your records.     | Your employer cannot access your records [1].
            Is it private?                                 | Is it private [1]?
            It ends where the public peril begins.\"       | It ends where the public peril begins.\" [1]
            It applies (with exceptions).                  | It applies (with exceptions) [1].
            No final punctuation                           | No final punctuation [1]
            """)
    void should_put_the_marker_before_the_final_stop_without_cutting_a_quotation(String sentence, String marked) {
        assertThat(CitationMarkers.mark(sentence, 1)).isEqualTo(marked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A [1]. B [2]. C [1].    | 1,2,1
            No markers here.        | ''
            """)
    void should_read_marker_numbers_in_order(String text, String numbers) {
        assertThat(CitationMarkers.numbers(text).stream().map(String::valueOf).toList())
                .isEqualTo(numbers.isEmpty() ? java.util.List.of() : java.util.List.of(numbers.split(",")));
    }
}
