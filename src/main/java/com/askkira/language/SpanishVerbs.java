package com.askkira.language;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads any form of a verb the bilingual map knows by its infinitive: "ahorcarme" as ahorcar +
 * me, "murió" as morir, "pegué" as pegar. A map of phrases hears only the forms someone wrote in;
 * a message in crisis uses whichever tense and person it needs ("me corté", "se cortó", "cortándome"),
 * so the map lists infinitives and this finds them. Regular endings and the usual stem changes
 * (ue → o, ie → e, u → o, i → e, gu → g, qu → c, c → z) cover the verbs of distress; an irregular
 * form needs its own line in the map.
 */
final class SpanishVerbs {
    /** Accents already removed; tried longest first, so "aron" before "on". */
    private static final List<String> ENDINGS = Stream.of(
                    "ieramos", "abamos", "aremos", "eremos", "iremos", "ariamos", "eriamos", "iriamos", "ieron",
                    "iendo", "arian", "erian", "irian", "abais", "ieran", "ieras", "ieses", "aron", "ando", "aste",
                    "iste", "aban", "abas", "amos", "emos", "imos", "aria", "eria", "iria", "aras", "eras", "iras",
                    "aran", "eran", "iran", "iera", "iese", "ados", "adas", "idos", "idas", "aba", "ado", "ada", "ido",
                    "ida", "are", "ere", "ire", "ara", "era", "ira", "ias", "ian", "io", "ia", "ar", "er", "ir", "as",
                    "an", "es", "en", "e", "o", "a", "i")
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    private static final List<String> INFINITIVES = List.of("ar", "er", "ir");
    /** Pronouns a verb may carry at its end, longest first. */
    private static final List<String> CLITICS =
            List.of("selo", "sela", "melo", "mela", "nos", "los", "las", "les", "me", "te", "se", "lo", "la", "le");

    private static final int SHORTEST_STEM = 2;

    private final Map<String, String> infinitives;

    /** @param infinitives infinitive (lower case, no accents) to its English */
    SpanishVerbs(Map<String, String> infinitives) {
        this.infinitives = Map.copyOf(infinitives);
    }

    /** The English of {@code word} read as a form of a known verb, with the pronoun it carries. */
    Optional<String> gloss(String word) {
        Optional<String> bare = infinitive(word).map(infinitives::get);
        if (bare.isPresent()) {
            return bare;
        }
        for (String clitic : CLITICS) {
            if (word.endsWith(clitic) && word.length() - clitic.length() > SHORTEST_STEM + 2) {
                String base = word.substring(0, word.length() - clitic.length());
                Optional<String> verb = infinitive(base).map(infinitives::get);
                if (verb.isPresent()) {
                    // "matarme", "cortandome": the reader does it to themselves; "matame": to me.
                    boolean reflexive = base.endsWith("r") || base.endsWith("ndo");
                    return Optional.of(verb.get() + pronoun(clitic, reflexive));
                }
            }
        }
        return Optional.empty();
    }

    /** The known infinitive {@code word} is a form of, if any. */
    Optional<String> infinitive(String word) {
        if (infinitives.containsKey(word)) {
            return Optional.of(word);
        }
        for (String ending : ENDINGS) {
            if (!word.endsWith(ending) || word.length() - ending.length() < SHORTEST_STEM) {
                continue;
            }
            String stem = word.substring(0, word.length() - ending.length());
            for (String candidate : stems(stem)) {
                for (String inf : INFINITIVES) {
                    if (infinitives.containsKey(candidate + inf)) {
                        return Optional.of(candidate + inf);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The stem as written, and as it stands in the infinitive when the form changed it. */
    private static List<String> stems(String stem) {
        int ue = stem.lastIndexOf("ue");
        int ie = stem.lastIndexOf("ie");
        int u = stem.lastIndexOf('u');
        int i = stem.lastIndexOf('i');
        return Stream.of(
                        stem,
                        ue >= 0 ? stem.substring(0, ue) + "o" + stem.substring(ue + 2) : null,
                        ie >= 0 ? stem.substring(0, ie) + "e" + stem.substring(ie + 2) : null,
                        u >= 0 ? stem.substring(0, u) + "o" + stem.substring(u + 1) : null,
                        i >= 0 ? stem.substring(0, i) + "e" + stem.substring(i + 1) : null,
                        stem.endsWith("gu") ? stem.substring(0, stem.length() - 1) : null,
                        stem.endsWith("qu") ? stem.substring(0, stem.length() - 2) + "c" : null,
                        stem.endsWith("c") ? stem.substring(0, stem.length() - 1) + "z" : null)
                .filter(Objects::nonNull)
                .toList();
    }

    private static String pronoun(String clitic, boolean reflexive) {
        return switch (clitic.substring(0, 2)) {
            case "me" -> reflexive ? " myself" : " me";
            case "te" -> reflexive ? " yourself" : " you";
            case "se" -> " themselves";
            case "no" -> " us";
            default -> "";
        };
    }
}
