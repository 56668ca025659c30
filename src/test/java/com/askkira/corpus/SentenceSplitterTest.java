package com.askkira.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.SampleTexts;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Court ruled. It was 7-2.                                                   | 2
            Tarasoff v. Regents of the University of California, 17 Cal. 3d 425 (1976).   | 1
            The U.S. Supreme Court recognized a privilege in Jaffee v. Redmond (1996).    | 1
            Some states differ (e.g., California). Others do not.                         | 2
            Knapp, S., & VandeCreek, L. (2012). Practical Ethics for Psychologists.       | 2
            No. Your therapist cannot share it.                                           | 2
            In most circumstances, no. Your employer cannot access your records.          | 2
            Is it private? Yes! Mostly.                                                   | 3
            It is a federal regulation. 42 CFR Part 2 implements a statute.               | 2
            See section 164.512(j) of the rule. It permits disclosure.                    | 2
            Case No. 12 was decided.                                                      | 1
            """)
    void should_split_sentences_without_cutting_citations_or_abbreviations(String text, int expected) {
        assertThat(splitter.split(text)).hasSize(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            First one.  Second one.
            A bullet lead: with a sentence. And another one.
            """)
    void should_give_offsets_that_point_at_each_sentence(String text) {
        List<Sentence> sentences = splitter.split(text);
        for (Sentence s : sentences) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
            assertThat(s.text()).isEqualTo(s.text().strip());
        }
    }

    @Test
    void should_find_no_period_before_a_number_where_no_period_is_followed_by_a_space_and_a_digit() {
        // The splitter skips its "period before a number" pattern where a sentence has no period, then
        // whitespace, then a digit: over every sample text (and each joined to the next two, so that
        // citation markers and numbered sources meet), the pattern never matched such a sentence.
        Pattern periodBeforeNumber = Pattern.compile("(?<=\\p{L}{2})\\.\\s+(?=\\d)");
        int regions = 0;
        int gated = 0;
        int matched = 0;
        List<String> texts = new java.util.ArrayList<>(SampleTexts.all());
        texts.addAll(SampleTexts.joinedInThrees());
        texts.addAll(
                List.of("It is a federal regulation. 42 CFR Part 2 applies.", "Ends. \t\u000B 7 then", "Odd.\u00a07"));
        for (String text : texts) {
            BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.US);
            iterator.setText(text);
            int start = iterator.first();
            for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
                boolean found =
                        periodBeforeNumber.matcher(text).region(start, end).find();
                boolean gate = SentenceSplitter.hasPeriodBeforeDigit(text, start, end);
                assertThat(!found || gate).as(text.substring(start, end)).isTrue();
                regions++;
                gated += gate ? 1 : 0;
                matched += found ? 1 : 0;
            }
        }
        assertThat(regions).isGreaterThan(5_000);
        assertThat(matched).as("regions where a sentence starts with a number").isPositive();
        assertThat(gated).as("regions the pattern still runs on").isLessThan(regions / 10);
    }

    @Test
    void should_read_an_initial_at_a_sentence_end_exactly_as_the_pattern_it_replaced() {
        // The pattern the splitter searched every sentence with; random pieces over the characters
        // it turns on (ASCII and other uppercase letters, one outside the BMP, and the separators).
        Pattern initial = Pattern.compile("(?:^|[\\s(,])\\p{Lu}\\.$");
        String[] parts = {"A", "b", "É", "ǅ", "\uD835\uDC00", " ", "\t", "\u00a0", "(", ",", ".", "x.", "7"};
        java.util.Random random = new java.util.Random(11);
        int initials = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder piece = new StringBuilder();
            for (int k = random.nextInt(5); k >= 0; k--) {
                piece.append(parts[random.nextInt(parts.length)]);
            }
            String text = piece.append('.').toString();
            boolean expected = initial.matcher(text).find();
            assertThat(SentenceSplitter.endsWithInitial(text)).as(text).isEqualTo(expected);
            initials += expected ? 1 : 0;
        }
        assertThat(initials).as("pieces ending in an initial").isGreaterThan(1_000);
    }
}
