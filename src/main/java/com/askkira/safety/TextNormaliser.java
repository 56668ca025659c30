package com.askkira.safety;

import com.askkira.patterns.RequiredLiterals;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a message to the one spelling the crisis signals are written against: lower case, one
 * apostrophe, contractions and texting abbreviations spelled out ("im gonna" becomes "i am going
 * to", "kms" becomes "kill myself"), and a one-letter typo in a word the signals hinge on mended
 * ("sucide", "myslef"). People in crisis write fast and on phones; without this every pattern
 * would need every spelling.
 */
public final class TextNormaliser {
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u201B\u02BC\u00B4`\u2032]");
    /** Zero-width and other invisible format characters, which would split "ki\u200bll" in two. */
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
    /** A word that mixes letters with digits or symbols standing for letters: "k1ll", "su1c1de", "d1e". */
    private static final Pattern LEET_WORD =
            Pattern.compile("(?<![\\p{L}\\p{N}])(?=[\\p{L}0-9@$]*\\p{L})(?=[\\p{L}0-9@$]*[0-9@$])[\\p{L}0-9@$]{3,}");

    private static final Map<Character, Character> LEET =
            Map.of('0', 'o', '1', 'i', '3', 'e', '4', 'a', '@', 'a', '5', 's', '$', 's', '7', 't');
    private static final Pattern STRAY = Pattern.compile("[^\\p{L}\\p{N}'./!?,;:\\n\\s]");
    private static final Pattern ELONGATED = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");

    /** One rewrite rule of {@code normalise.txt}. */
    public record Rewrite(Pattern pattern, String replacement) {
        public Rewrite {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(replacement, "replacement");
        }
    }

    private final List<Rewrite> rewrites;
    /** What each rewrite's matches need: a text without any of it is left as the rewrite would leave it. */
    private final List<RequiredLiterals> rewriteNeeds;

    private final Set<String> vocabulary;

    public TextNormaliser(List<Rewrite> rewrites, Set<String> vocabulary) {
        this.rewrites = List.copyOf(rewrites);
        this.rewriteNeeds = this.rewrites.stream()
                .map(r -> RequiredLiterals.of(r.pattern()))
                .toList();
        this.vocabulary = Set.copyOf(vocabulary);
    }

    public static TextNormaliser fromResources() {
        List<Rewrite> rewrites = new ArrayList<>();
        for (String line : PatternFile.lines("/safety/normalise.txt")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int arrow = line.lastIndexOf(" => ");
            if (arrow < 0) {
                throw new IllegalStateException("normalise.txt: expected 'regex => replacement': " + line);
            }
            // A replacement may end in a space on purpose ("i will "), so only the regex is stripped.
            rewrites.add(new Rewrite(Pattern.compile(line.substring(0, arrow).strip()), line.substring(arrow + 4)));
        }
        Set<String> vocabulary = Set.copyOf(PatternFile.lines("/safety/vocabulary.txt").stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList());
        return new TextNormaliser(rewrites, vocabulary);
    }

    public String normalise(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = INVISIBLE.matcher(t).replaceAll("");
        t = LEET_WORD.matcher(t).replaceAll(m -> Matcher.quoteReplacement(unleet(m.group())));
        t = APOSTROPHES.matcher(t).replaceAll("'");
        t = t.replace("*", "");
        t = STRAY.matcher(t).replaceAll(" ");
        t = ELONGATED.matcher(t).replaceAll("$1$1");
        t = collapseRepeatedWords(t);
        t = mendTypos(t);
        for (int i = 0; i < rewrites.size(); i++) {
            if (rewriteNeeds.get(i).mayMatch(t)) {
                t = rewrites.get(i)
                        .pattern()
                        .matcher(t)
                        .replaceAll(rewrites.get(i).replacement());
            }
        }
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /**
     * "k1ll" reads as "kill", "$uicide" as "suicide": a digit or symbol inside a word, after a letter,
     * goes back to the letter it stands for; "4am", "1st" and "988" stay as they are.
     */
    static String unleet(String word) {
        char[] c = word.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char letter = LEET.getOrDefault(c[i], c[i]);
            if (letter == c[i]) {
                continue;
            }
            boolean afterLetter = i > 0 && (Character.isLetter(c[i - 1]) || LEET.containsKey(word.charAt(i - 1)));
            boolean beforeLetterOrEnd = i + 1 == c.length || Character.isLetter(c[i + 1]) || LEET.containsKey(c[i + 1]);
            boolean leadingSymbol = i == 0 && (c[i] == '$' || c[i] == '@') && c.length > 1 && Character.isLetter(c[1]);
            if ((afterLetter && beforeLetterOrEnd) || leadingSymbol) {
                c[i] = letter;
            }
        }
        return new String(c);
    }

    /**
     * "so so so so sad" reads as "so so sad". Done without a regex on purpose: a repeated group
     * recurses once per repetition in Java's regex engine, and user text can be long.
     */
    static String collapseRepeatedWords(String text) {
        String[] words = text.split(" ", -1);
        StringBuilder out = new StringBuilder(text.length());
        int run = 0;
        for (int i = 0; i < words.length; i++) {
            run = i > 0 && !words[i].isEmpty() && words[i].equals(words[i - 1]) ? run + 1 : 0;
            if (run < 2) {
                if (out.length() > 0 || i > 0) {
                    out.append(' ');
                }
                out.append(words[i]);
            }
        }
        return out.toString();
    }

    private String mendTypos(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mend(m.group())));
        }
        return m.appendTail(out).toString();
    }

    private String mend(String word) {
        if (word.length() < 5 || vocabulary.contains(word)) {
            return word;
        }
        int allowed = word.length() >= 9 ? 2 : 1;
        String best = word;
        int bestDistance = allowed + 1;
        for (String known : vocabulary) {
            // Same first letter and close length: a typo, not a different word.
            if (known.charAt(0) != word.charAt(0) || Math.abs(known.length() - word.length()) > allowed) {
                continue;
            }
            int d = distance(word, known, allowed);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (edits and adjacent swaps), giving up past {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
