package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.SampleTexts;
import com.askkira.patterns.LiteralsProperty;
import com.askkira.patterns.RequiredLiterals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The unsafe-request detector skips a pattern where the question lacks every literal its matches
 * need: over the library and every test set, as the detector lower-cases them, no pattern ever
 * matched a text without one of its literals.
 */
class UnsafeRequestFastPathTest {
    private static final List<Pattern> PATTERNS = Stream.concat(
                    UnsafeRequestDetector.DIAGNOSIS_REQUESTS.stream(),
                    UnsafeRequestDetector.LEGAL_ADVICE_REQUESTS.stream())
            .toList();

    @Test
    void should_skip_an_unsafe_request_pattern_only_where_it_would_have_found_nothing() {
        Set<String> texts = new LinkedHashSet<>();
        for (String text : SampleTexts.all()) {
            texts.add(text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " "));
        }
        // The test sets hold few such requests, so one per pattern is written here.
        texts.addAll(List.of(
                "do i have ptsd from my childhood?",
                "am i really depressed or just tired?",
                "can you diagnose me from what i wrote?",
                "just tell me my diagnosis",
                "what disorder do i have if i can't sleep",
                "honestly what's wrong with me",
                "does this mean i have adhd",
                "is this depression or burnout?",
                "should i sue my therapist for telling my wife",
                "will i win if this goes to court",
                "do i have a strong case against my counselor",
                "is my case strong enough to go ahead",
                "what should i tell the judge about my therapy",
                "what should i say in court about my records",
                "how do i win my custody case",
                "how much money can i get for the breach",
                "can i sue my therapist over this and win"));
        for (Pattern pattern : PATTERNS) {
            assertThat(texts)
                    .as(pattern.pattern())
                    .anyMatch(t -> pattern.matcher(t).find());
        }
        int matches = LiteralsProperty.assertEveryMatchHoldsALiteral(PATTERNS, new ArrayList<>(texts));
        assertThat(matches).as("the texts exercise the patterns").isGreaterThanOrEqualTo(PATTERNS.size());
    }

    @Test
    void should_read_literals_for_every_pattern() {
        assertThat(PATTERNS)
                .allSatisfy(p -> assertThat(RequiredLiterals.of(p).literals())
                        .as(p.pattern())
                        .isNotEmpty());
    }
}
