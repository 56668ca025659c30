package com.askkira.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists the name detector leans on, all held lower case: common first names (and which of
 * them are also everyday words), words that are never a name here, and the public figures the
 * library discusses. Loaded from {@code /privacy/*.txt} so the content team can extend them.
 */
record NameLexicon(
        Set<String> firstNames,
        Set<String> wordLikeNames,
        Set<String> neverNames,
        Set<String> publicFullNames,
        Set<String> publicSurnames) {
    private static final String WORD_LIKE_MARK = "~";

    NameLexicon {
        firstNames = Set.copyOf(firstNames);
        wordLikeNames = Set.copyOf(wordLikeNames);
        neverNames = Set.copyOf(neverNames);
        publicFullNames = Set.copyOf(publicFullNames);
        publicSurnames = Set.copyOf(publicSurnames);
    }

    static NameLexicon fromClasspath() {
        Set<String> first = new HashSet<>();
        Set<String> wordLike = new HashSet<>();
        for (String line : lines("/privacy/first-names.txt")) {
            String name = key(line.replace(WORD_LIKE_MARK, ""));
            first.add(name);
            if (line.endsWith(WORD_LIKE_MARK)) {
                wordLike.add(name);
            }
        }
        Set<String> fullNames = new HashSet<>();
        Set<String> surnames = new HashSet<>();
        for (String line : lines("/privacy/public-names.txt")) {
            (line.contains(" ") ? fullNames : surnames).add(key(line));
        }
        Set<String> never = new HashSet<>();
        lines("/privacy/never-names.txt").forEach(line -> never.add(key(line)));
        return new NameLexicon(first, wordLike, never, fullNames, surnames);
    }

    boolean isFirstName(String word) {
        return firstNames.contains(key(word));
    }

    boolean isWordLike(String word) {
        return wordLikeNames.contains(key(word));
    }

    boolean isNeverName(String word) {
        return neverNames.contains(key(word));
    }

    /** Whether a candidate ("Mary Lu Redmond", "Carrie Jaffee") is one of the library's public figures. */
    boolean isPublicFigure(List<String> words) {
        return publicFullNames.contains(key(String.join(" ", words)))
                || words.stream().map(NameLexicon::key).anyMatch(publicSurnames::contains);
    }

    private static String key(String word) {
        return word.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = NameLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
