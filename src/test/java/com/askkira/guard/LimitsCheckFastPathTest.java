package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.SampleTexts;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.patterns.LiteralsProperty;
import com.askkira.patterns.RequiredLiterals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The limits check's fast paths give exactly what the slow ones did, over the library and every test set. */
class LimitsCheckFastPathTest {
    private static final LimitsPatterns PATTERNS =
            LimitsPatterns.fromResource(ConfidentialityLimitsCheck.DEFAULT_PATTERNS);

    @Test
    void should_skip_a_pattern_only_where_it_would_have_found_nothing() {
        List<Pattern> patterns = rulePatterns();
        List<String> texts = Stream.concat(SampleTexts.all().stream(), SampleTexts.joinedInThrees().stream())
                .map(ConfidentialityLimitsCheck::normalise)
                .distinct()
                .toList();
        int matches = LiteralsProperty.assertEveryMatchHoldsALiteral(patterns, texts);
        assertThat(matches).as("the texts exercise the patterns").isGreaterThan(1_000);
    }

    @Test
    void should_read_literals_for_nearly_every_rule_pattern() {
        List<Pattern> patterns = rulePatterns();
        long gated = patterns.stream()
                .filter(p -> !RequiredLiterals.of(p).literals().isEmpty())
                .count();

        assertThat(gated).as("of %d patterns", patterns.size()).isGreaterThan(patterns.size() * 9L / 10);
    }

    @Test
    void should_normalise_as_every_substitution_run_would() {
        List<String> texts = new ArrayList<>(SampleTexts.all());
        texts.addAll(SampleTexts.joinedInThrees());
        for (String text : texts) {
            assertThat(ConfidentialityLimitsCheck.normalise(text)).as(text).isEqualTo(everyStep(text));
        }
    }

    @Test
    void should_find_in_a_whole_answer_what_a_fresh_check_does_after_judging_its_beginnings() throws Exception {
        ConfidentialityLimitsCheck warmed = new ConfidentialityLimitsCheck();
        List<String[]> asked = new ArrayList<>();
        for (String set :
                List.of("model-answers", "limits-fresh-tune", "limits-fresh-holdout", "adversarial-answers")) {
            JsonNode root = new ObjectMapper().readTree(getClass().getResourceAsStream("/guard/" + set + ".json"));
            root.get("answers")
                    .forEach(a -> asked.add(new String[] {
                        a.path("question").asText(""), a.get("answer").asText()
                    }));
        }
        // Warmed as a stream warms it: each answer judged as it grows, sentence by sentence, but not yet whole.
        SentenceSplitter splitter = new SentenceSplitter();
        for (String[] qa : asked) {
            List<String> sentences =
                    splitter.split(qa[1]).stream().map(Sentence::text).toList();
            for (int n = 1; n < sentences.size(); n++) {
                warmed.findings(qa[0], String.join(" ", sentences.subList(0, n)));
            }
        }
        int found = 0;

        for (String[] qa : asked) {
            List<LimitsFinding> fresh = new ConfidentialityLimitsCheck().findings(qa[0], qa[1]);
            assertThat(warmed.findings(qa[0], qa[1])).as(qa[1]).isEqualTo(fresh);
            found += fresh.size();
        }
        assertThat(found).as("the answers break rules").isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Therapy is private [1].",
                "  two  spaces\tand a tab\nand a line ",
                "You’re told “nothing ever leaves the room” by some",
                "She's required; it's automatic; I'd say 'this is not the case' here",
                "no marker, no quote, no contraction",
                "\u000Bvertical tab\fform feed\r",
                "ends with a space ",
            })
    void should_normalise_edge_cases_as_every_substitution_run_would(String text) {
        assertThat(ConfidentialityLimitsCheck.normalise(text)).isEqualTo(everyStep(text));
    }

    private static List<Pattern> rulePatterns() {
        List<Pattern> out = new ArrayList<>();
        for (LimitsPatterns.Entry entry : PATTERNS.entries()) {
            out.addAll(entry.context());
            out.addAll(entry.claims());
            out.addAll(entry.exempt());
        }
        for (String name : List.of(
                "LIMIT_NAMED",
                "LIMIT_STATED",
                "VARIATION",
                "GENERAL_QUESTION",
                "BARE_YES",
                "CONFIDENTIALITY_AFFIRMED")) {
            out.add(PATTERNS.named(name));
        }
        return out;
    }

    /** The normalisation as it was before its substitutions were skipped: every one of them, always. */
    private static String everyStep(String text) {
        String plain = Pattern.compile("\\s*\\[\\d{1,3}]")
                .matcher(text)
                .replaceAll("")
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u02BC', '\'')
                .replace('\u201C', '"')
                .replace('\u201D', '"')
                .toLowerCase(Locale.ROOT);
        plain = Pattern.compile("\\b(you|we|they|i|he|she|it)'(re|ve|ll|m|d)\\b")
                .matcher(plain)
                .replaceAll(m -> m.group(1)
                        + switch (m.group(2)) {
                            case "re" -> " are";
                            case "ve" -> " have";
                            case "ll" -> " will";
                            case "m" -> " am";
                            default -> " would";
                        });
        plain = Pattern.compile("\\b(he|she|it|that|there|what|this)'s\\b")
                .matcher(plain)
                .replaceAll("$1 is");
        plain = Pattern.compile("\"[^\"]*?\\s\\S+\\s[^\"]*?\"|(?<![\\w])'[^']*?\\s\\S+\\s[^']*?'(?![\\w])")
                .matcher(plain)
                .replaceAll(" that saying ");
        return Pattern.compile("\\s+").matcher(plain).replaceAll(" ").strip();
    }
}
