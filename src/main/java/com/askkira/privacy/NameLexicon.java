package com.askkira.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word lists the name detector leans on, all held lower case: common first names and surnames
 * (and which of them are also everyday words), everyday English words, words that are never a name
 * here, and the public figures the library discusses. Loaded from {@code /privacy/*.txt} so the
 * content team can extend them.
 */
record NameLexicon(
        Set<String> firstNames,
        Set<String> wordLikeNames,
        Set<String> surnames,
        Set<String> wordLikeSurnames,
        Set<String> englishWords,
        Set<String> neverNames,
        Set<String> publicFullNames,
        Set<String> publicSurnames) {
    private static final String WORD_LIKE_MARK = "~";
    /** The parts of "o'brien" or "garcia-lopez"; a one-letter part ("o'", "d'") is a prefix, not a word. */
    private static final Pattern SURNAME_PARTS = Pattern.compile("['’-]");

    NameLexicon {
        firstNames = Set.copyOf(firstNames);
        wordLikeNames = Set.copyOf(wordLikeNames);
        surnames = Set.copyOf(surnames);
        wordLikeSurnames = Set.copyOf(wordLikeSurnames);
        englishWords = Set.copyOf(englishWords);
        neverNames = Set.copyOf(neverNames);
        publicFullNames = Set.copyOf(publicFullNames);
        publicSurnames = Set.copyOf(publicSurnames);
    }

    static NameLexicon fromClasspath() {
        Set<String> first = new HashSet<>();
        Set<String> wordLike = new HashSet<>();
        readMarked("/privacy/first-names.txt", first, wordLike);
        Set<String> surnames = new HashSet<>();
        Set<String> wordLikeSurnames = new HashSet<>();
        readMarked("/privacy/surnames.txt", surnames, wordLikeSurnames);
        Set<String> english = new HashSet<>(lines("/privacy/english-words.txt"));
        Set<String> fullNames = new HashSet<>();
        Set<String> publicSurnames = new HashSet<>();
        for (String line : lines("/privacy/public-names.txt")) {
            (line.contains(" ") ? fullNames : publicSurnames).add(key(line));
        }
        Set<String> never = new HashSet<>();
        lines("/privacy/never-names.txt").forEach(line -> never.add(key(line)));
        return new NameLexicon(first, wordLike, surnames, wordLikeSurnames, english, never, fullNames, publicSurnames);
    }

    /** Names one a line, those marked {@value #WORD_LIKE_MARK} also being everyday words. */
    private static void readMarked(String resource, Set<String> names, Set<String> wordLike) {
        for (String line : lines(resource)) {
            String name = key(line.replace(WORD_LIKE_MARK, ""));
            names.add(name);
            if (line.endsWith(WORD_LIKE_MARK)) {
                wordLike.add(name);
            }
        }
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

    /** Whether a word is an everyday English word, in any case ("private", "English"; not "janedoe"). */
    boolean isEnglishWord(String word) {
        return englishWords.contains(key(word));
    }

    /**
     * Whether a word that follows a name or a title, in any case, reads as a surname rather than as
     * the sentence going on: a listed surname that is not one of the commonest words ("smith", not
     * "brown" or "may"), or a word that is no English word at all ("kowalski", "o'brien"). Each part
     * of a hyphenated or apostrophed surname must pass ("garcia-lopez", not "well-known").
     */
    boolean isSurnameLike(String word) {
        String whole = key(word);
        if (neverNames.contains(whole)) {
            return false;
        }
        String[] parts = SURNAME_PARTS.split(whole);
        boolean any = false;
        for (String part : parts) {
            if (part.length() == 1 && parts.length > 1) {
                continue;
            }
            if (!surnamePart(part)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private boolean surnamePart(String part) {
        if (part.length() < 2 || neverNames.contains(part)) {
            return false;
        }
        if (surnames.contains(part)) {
            return !wordLikeSurnames.contains(part);
        }
        return !englishWords.contains(part);
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
