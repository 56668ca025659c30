package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.SampleTexts;
import com.askkira.patterns.LiteralsProperty;
import com.askkira.patterns.RequiredLiterals;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The crisis screen skips a signal, a framing cue or a spelling rewrite where the text lacks every
 * literal its matches need: over the library and every test set, no pattern ever matched text
 * without one of its literals, so every skip was of a pattern that would have found nothing.
 */
class CrisisPatternsFastPathTest {
    private static final TextNormaliser NORMALISER = TextNormaliser.fromResources();

    @Test
    void should_skip_a_crisis_pattern_only_where_it_would_have_found_nothing() {
        List<Pattern> patterns = new ArrayList<>();
        CrisisPatterns.signals("/safety/signals.txt").forEach(s -> patterns.add(s.pattern()));
        for (PatternFile.Entry entry : PatternFile.read("/safety/framing.txt")) {
            patterns.add(Pattern.compile(entry.regex())); // a cue needs what its alternatives need, together
        }
        for (String line : PatternFile.lines("/safety/normalise.txt")) {
            int arrow = line.lastIndexOf(" => ");
            if (!line.isBlank() && !line.strip().startsWith("#") && arrow >= 0) {
                patterns.add(Pattern.compile(line.substring(0, arrow).strip()));
            }
        }
        List<String> texts = texts();
        int matches = LiteralsProperty.assertEveryMatchHoldsALiteral(patterns, texts);
        assertThat(matches).as("the texts exercise the patterns").isGreaterThan(1_000);
    }

    @Test
    void should_read_literals_for_most_signals() {
        List<Signal> signals = CrisisPatterns.signals("/safety/signals.txt");
        long gated = signals.stream()
                .filter(s -> !RequiredLiterals.of(s.pattern()).literals().isEmpty())
                .count();

        assertThat(gated).as("of %d signals", signals.size()).isGreaterThan(signals.size() * 3L / 4);
    }

    /** Each text as written, lower-cased as the normaliser first leaves it, and fully normalised. */
    private static List<String> texts() {
        Set<String> out = new LinkedHashSet<>();
        for (String text : SampleTexts.all()) {
            out.add(text);
            out.add(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
            out.add(NORMALISER.normalise(text));
        }
        return List.copyOf(out);
    }
}
