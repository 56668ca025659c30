package com.askkira.answer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words and word pairs the gap probe knows, and which of them a question uses. Unlike
 * retrieval's terms a gram keeps the small words, as "how many", "how long" or "which form" say what
 * kind of answer is asked for, and a passage on the right subject may still not hold it.
 */
public final class QuestionWording {
    // Compiled once: every answer reads its question's grams.
    private static final Pattern MARK = Pattern.compile("\\p{M}");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private final List<String> known;
    private final Map<String, Integer> position = new HashMap<>();

    /** @param known the grams read, in the order the probe reads them */
    public QuestionWording(List<String> known) {
        this.known = List.copyOf(known);
        for (int i = 0; i < this.known.size(); i++) {
            position.put(this.known.get(i), i);
        }
    }

    public List<String> known() {
        return known;
    }

    /** For each known gram, 1 when {@code text} uses it. */
    public double[] uses(String text) {
        double[] x = new double[known.size()];
        for (String gram : grams(text)) {
            Integer i = position.get(gram);
            if (i != null) {
                x[i] = 1;
            }
        }
        return x;
    }

    /** The words and word pairs of {@code text}, each once, in order: lower case, no accents, every digit a 0. */
    public static Set<String> grams(String text) {
        String plain = DIGIT.matcher(MARK.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                        .replaceAll("")
                        .toLowerCase(Locale.ROOT))
                .replaceAll("0");
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(plain)) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        Set<String> grams = new LinkedHashSet<>(words);
        for (int i = 1; i < words.size(); i++) {
            grams.add(words.get(i - 1) + " " + words.get(i));
        }
        return grams;
    }
}
