package com.askkira.corpus;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts text into sentences. The JDK's sentence iterator breaks after every period followed by a
 * capital, which would cut legal citations ("17 Cal. 3d 425", "Jaffee v. Redmond", "U.S. Supreme
 * Court") in half, so breaks after known abbreviations and initials are mended.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g.", "i.e.", "u.s.", "v.", "vs.", "cal.", "dr.", "mr.", "mrs.", "ms.", "st.", "jr.", "sr.", "inc.",
            "ltd.", "corp.", "cf.", "al.", "approx.", "fed.", "reg.", "stat.", "ed.", "eds.", "ph.d.", "m.d.", "u.s.c.",
            "c.f.r.", "rev.", "app.", "supp.", "ct.", "civ.", "jan.", "feb.", "mar.", "apr.", "aug.", "sept.", "oct.",
            "nov.", "dec.");
    /** Abbreviations only when a number follows: "No. 12" but not "No. Your therapist…". */
    private static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no.", "nos.", "p.", "pp.", "vol.", "sec.", "art.");

    private static final Pattern LIST_NUMBER = Pattern.compile("^\\d{1,2}\\.$");
    private static final Pattern PERIOD_BEFORE_NUMBER = Pattern.compile("(?<=\\p{L}{2})\\.\\s+(?=\\d)");

    public List<Sentence> split(String text) {
        List<int[]> spans = rawSpans(text);
        List<int[]> merged = new ArrayList<>();
        for (int[] span : spans) {
            if (!merged.isEmpty() && endsWithAbbreviation(text, merged.getLast(), span)) {
                merged.getLast()[1] = span[1];
            } else {
                merged.add(span);
            }
        }
        List<Sentence> sentences = new ArrayList<>();
        for (int[] span : merged) {
            int start = span[0];
            int end = span[1];
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                sentences.add(new Sentence(text.substring(start, end), start, end));
            }
        }
        return sentences;
    }

    private static List<int[]> rawSpans(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.US);
        iterator.setText(text);
        List<int[]> spans = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            splitBeforeNumbers(text, start, end, spans);
        }
        return spans;
    }

    /**
     * The JDK never breaks before a sentence that starts with a number ("…a federal regulation. 42
     * CFR Part 2 implements…"); break there too. Abbreviations are mended afterwards as usual.
     */
    private static void splitBeforeNumbers(String text, int start, int end, List<int[]> spans) {
        if (!hasPeriodBeforeDigit(text, start, end)) {
            // Most sentences have no ". 4" in them, and the pattern needs one inside the region (a
            // matcher's lookarounds do not see past its region): it would find nothing.
            spans.add(new int[] {start, end});
            return;
        }
        Matcher m = PERIOD_BEFORE_NUMBER.matcher(text).region(start, end);
        int from = start;
        while (m.find()) {
            spans.add(new int[] {from, m.start() + 1});
            from = m.start() + 1;
        }
        spans.add(new int[] {from, end});
    }

    /**
     * Whether the region holds a period, then whitespace as the pattern's {@code \s} reads it, then an
     * ASCII digit ({@code \d}): what every match of {@link #PERIOD_BEFORE_NUMBER} holds.
     */
    static boolean hasPeriodBeforeDigit(String text, int start, int end) {
        for (int i = text.indexOf('.', start); i >= 0 && i < end; i = text.indexOf('.', i + 1)) {
            int j = i + 1;
            while (j < end && isPatternSpace(text.charAt(j))) {
                j++;
            }
            if (j > i + 1 && j < end && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * Whether {@code piece} (ending in a period) ends with an initial: one uppercase letter after the
     * start, a space, "(" or ",". Read from the end: a pattern searched for it tried every position
     * of every sentence of every answer.
     */
    static boolean endsWithInitial(String piece) {
        int period = piece.length() - 1;
        if (period < 1) {
            return false;
        }
        int letter = piece.codePointBefore(period);
        if (Character.getType(letter) != Character.UPPERCASE_LETTER) {
            return false;
        }
        int before = period - Character.charCount(letter);
        if (before == 0) {
            return true;
        }
        char c = piece.charAt(before - 1);
        return isPatternSpace(c) || c == '(' || c == ',';
    }

    private static boolean endsWithAbbreviation(String text, int[] span, int[] next) {
        String piece = text.substring(span[0], span[1]).stripTrailing();
        if (!piece.endsWith(".")) {
            return false;
        }
        int lastSpace = Math.max(piece.lastIndexOf(' '), piece.lastIndexOf('('));
        String lastWord = piece.substring(lastSpace + 1).toLowerCase(Locale.ROOT);
        boolean numberFollows =
                Character.isDigit(text.substring(next[0], next[1]).strip().charAt(0));
        return ABBREVIATIONS.contains(lastWord)
                || (NUMBER_ABBREVIATIONS.contains(lastWord) && numberFollows)
                || endsWithInitial(piece)
                || LIST_NUMBER.matcher(piece).matches();
    }
}
