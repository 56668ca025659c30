package com.askkira.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The property every gated pattern must have: whatever it finds holds one of its required literals. */
public final class LiteralsProperty {
    private LiteralsProperty() {}

    /**
     * Asserts, for every pattern and text, that a match holds one of the pattern's literals (stronger
     * than {@code mayMatch(text)}: the literal is inside the match itself); returns how many matches
     * were checked.
     */
    public static int assertEveryMatchHoldsALiteral(List<Pattern> patterns, List<String> texts) {
        int matches = 0;
        for (Pattern pattern : patterns) {
            RequiredLiterals literals = RequiredLiterals.of(pattern);
            for (String text : texts) {
                Matcher m = pattern.matcher(text);
                if (m.find()) {
                    matches++;
                    assertThat(literals.mayMatch(m.group()))
                            .as(
                                    "%s found \"%s\" in \"%s\", which holds none of %s",
                                    pattern, m.group(), text, literals.literals())
                            .isTrue();
                }
            }
        }
        return matches;
    }
}
