package com.askkira.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writing and reading the {@code [n]} markers that tie a sentence to its citation. */
public final class CitationMarkers {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");
    private static final Pattern MARKER_WITH_SPACE = Pattern.compile("\\s*\\[\\d{1,3}]");
    private static final Pattern END = Pattern.compile("([.!?…]+)$");

    private CitationMarkers() {}

    /**
     * "…written consent." becomes "…written consent [1]."; a sentence that ends in a quotation or
     * parenthesis keeps it whole: "…peril begins." [1]
     */
    public static String mark(String sentence, int n) {
        String trimmed = sentence.strip();
        Matcher end = END.matcher(trimmed);
        if (end.find()) {
            return trimmed.substring(0, end.start()) + " [" + n + "]" + end.group(1);
        }
        return trimmed + " [" + n + "]";
    }

    /** The text without its markers: "…consent [1]." becomes "…consent." */
    public static String strip(String text) {
        return MARKER_WITH_SPACE.matcher(text).replaceAll("").strip();
    }

    /** Every marker number in the text, in order of appearance. */
    public static List<Integer> numbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }
}
