package com.askkira.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredLiteralsTest {
    @ParameterizedTest(name = "{0} needs one of [{1}]")
    @CsvSource(
            delimiter = ';',
            value = {
                "therapy is private; therapy is private",
                "\\bis (?:completely|totally) private\\b; ' private'",
                "(?:completely|totally); completely|totally",
                "\\bnever\\b|\\bnot\\b; never|not",
                // optional parts promise nothing, so only what must occur is kept
                "subpoenas?; subpoena",
                "ab?c; a",
                "(?:every|all) states?; ' state'",
                "x{2,3}y; x",
                "(?:abc)+; abc",
                "\\.\\.\\.; ...",
                // a lookaround matches no text of its own
                "(?<!not )(?=always)alway; alway",
                "[,:]\\s*but; but",
                // an alternation with any branch that promises nothing promises nothing
                "private|\\w+; ''",
                "(?:a|)b; b",
                "(?:a|); ''",
                "a*|b; ''",
                // anything it does not read leaves the pattern to run everywhere
                "(?i)private; ''",
                "(a)\\1; ''",
                "\\Qa.b\\E; ''",
                "\\x41; ''",
            })
    void should_read_the_literals_every_match_contains(String regex, String expected) {
        RequiredLiterals literals = RequiredLiterals.of(Pattern.compile(regex));

        assertThat(String.join("|", literals.literals())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on \"{1}\"")
    @CsvSource(
            delimiter = ';',
            value = {
                "\\bis (?:completely|totally) private\\b; therapy is totally private",
                "subpoenas?; the subpoenas came",
                "(?<!not )always; always",
                "private|\\w+; anything",
            })
    void should_never_rule_out_a_text_the_pattern_matches(String regex, String text) {
        Pattern pattern = Pattern.compile(regex);
        assertThat(pattern.matcher(text).find()).isTrue();

        assertThat(RequiredLiterals.of(pattern).mayMatch(text)).isTrue();
    }

    @ParameterizedTest(name = "{0} on \"{1}\"")
    @CsvSource(
            delimiter = ';',
            value = {
                "\\bis (?:completely|totally) private\\b; therapy is confidential",
                "subpoenas?; a court order",
            })
    void should_rule_out_a_text_without_any_literal(String regex, String text) {
        assertThat(RequiredLiterals.of(Pattern.compile(regex)).mayMatch(text)).isFalse();
    }
}
