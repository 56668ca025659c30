package com.askkira.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AbstentionWriterTest {
    private static final List<String> SHIPPED_SOURCES = List.of(
            "HIPAA Privacy Rule",
            "42 CFR Part 2",
            "Tarasoff",
            "Jaffee v. Redmond",
            "APA Ethics Code",
            "FERPA",
            "HITECH");

    @Test
    void should_name_every_title_of_a_library_the_size_of_the_shipped_one() {
        ComposedAnswer answer = new AbstentionWriter(List.of("Confidentiality in Therapy"), SHIPPED_SOURCES)
                .write(AbstainReason.OUT_OF_SCOPE, List.of());

        assertThat(answer.text())
                .isEqualTo("That question is outside what Kira's library covers, so I can't answer it. Kira answers"
                        + " from its library, which covers \"Confidentiality in Therapy\", and the sources behind it"
                        + " (HIPAA Privacy Rule; 42 CFR Part 2; Tarasoff; Jaffee v. Redmond; APA Ethics Code; FERPA;"
                        + " HITECH).");
    }

    @Test
    void should_name_a_few_titles_and_count_the_rest_so_an_abstention_stays_short_as_the_library_grows() {
        List<String> articles =
                IntStream.rangeClosed(1, 100).mapToObj(i -> "Article " + i).toList();
        List<String> sources =
                IntStream.rangeClosed(1, 700).mapToObj(i -> "Source " + i).toList();

        String text = new AbstentionWriter(articles, sources)
                .write(AbstainReason.UNSAFE, List.of())
                .text();

        assertThat(text)
                .contains("\"Article 8\", and 92 more articles, and the sources behind it (Source 1;")
                .contains("; Source 8, and 692 more sources).")
                .doesNotContain("Article 9\"")
                .doesNotContain("Source 9");
        assertThat(text.length()).isLessThan(600);
    }
}
