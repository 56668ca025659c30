package com.askkira.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a Spanish message from an English one, and glosses Spanish into English phrase by phrase
 * (the longest phrase of the bilingual map that matches wins; a word the map lacks is read as a
 * form of a verb it knows ({@link SpanishVerbs}), or stays as it is).
 * A gloss is not a translation: it is enough for the crisis screen's patterns and embeddings, and
 * for retrieval, to hear what the message is about.
 */
public final class SpanishGloss {
    /** Words, and the marks that end a sentence (kept, so a gloss keeps its sentences). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}'-]+|[.!?]+");

    /** The bilingual map of the library's terms and of what visitors write. */
    public static final String QUESTIONS = "/language/es-en.txt";
    /** The library's vocabulary as a model writes it in Spanish: read on top of {@link #QUESTIONS} for answers. */
    public static final String ANSWERS = "/language/es-en-answers.txt";

    private static final int LONGEST_PHRASE = 6;
    /** Words common in Spanish and rare in English; a message needs more of these than of English ones. */
    private static final Set<String> SPANISH = Set.of(
            "que", "de", "la", "el", "los", "las", "en", "y", "es", "no", "por", "para", "una", "un", "con", "mi",
            "mis", "me", "se", "lo", "le", "si", "pero", "porque", "como", "estoy", "tengo", "quiero", "puede",
            "pueden", "esta", "este", "eso", "ya", "muy", "mas", "cuando", "donde", "yo", "tu", "su", "sus", "del",
            "al", "hay", "soy", "voy", "hoy", "nada", "todo", "algo", "tambien", "o", "ni", "sin", "sobre", "entre");

    private static final Set<String> ENGLISH = Set.of(
            "the", "and", "is", "are", "i", "you", "my", "to", "of", "it", "in", "that", "what", "can", "do", "does",
            "if", "for", "with", "be", "have", "has", "will", "would", "me", "not", "this", "on", "at", "about", "or");

    /** Verbs are read in any form through the map's infinitives; shorter words are rarely verbs. */
    private static final int SHORTEST_VERB_FORM = 5;

    private final Map<String, String> phrases;
    private final SpanishVerbs verbs;

    public SpanishGloss(Map<String, String> phrases) {
        this.phrases = Map.copyOf(phrases);
        Map<String, String> infinitives = new HashMap<>();
        phrases.forEach((spanish, english) -> {
            if (spanish.matches("[a-z]{2,}(ar|er|ir)")) {
                infinitives.put(spanish, english);
            }
        });
        this.verbs = new SpanishVerbs(infinitives);
    }

    /** The map questions and crisis messages are read by. */
    public static SpanishGloss fromResources() {
        return fromResources(QUESTIONS);
    }

    /** This gloss with the phrases of the maps named too: a map read once is not read again. */
    public SpanishGloss with(String... resources) {
        Map<String, String> more = new HashMap<>(phrases);
        more.putAll(phrasesOf(resources));
        return new SpanishGloss(more);
    }

    /** The phrases of every map named, read in order. */
    public static SpanishGloss fromResources(String... resources) {
        return new SpanishGloss(phrasesOf(resources));
    }

    private static Map<String, String> phrasesOf(String... resources) {
        Map<String, String> phrases = new HashMap<>();
        for (String resource : resources) {
            try (InputStream in = SpanishGloss.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .toList()) {
                    String l = line.strip();
                    int eq = l.indexOf(" = ");
                    if (l.isEmpty() || l.startsWith("#") || eq < 0) {
                        continue;
                    }
                    phrases.put(plain(l.substring(0, eq)), l.substring(eq + 3).strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return phrases;
    }

    /** Whether the text reads as Spanish: inverted marks, or more Spanish than English function words. */
    public boolean isSpanish(String text) {
        if (text.indexOf('¿') >= 0 || text.indexOf('¡') >= 0) {
            return true;
        }
        int spanish = 0, english = 0;
        for (String word : words(text)) {
            spanish += SPANISH.contains(word) || isVerbForm(word) ? 1 : 0;
            english += ENGLISH.contains(word) ? 1 : 0;
        }
        return spanish >= 2 && spanish > english;
    }

    private boolean known(String word) {
        return phrases.containsKey(word) || isVerbForm(word);
    }

    private boolean isVerbForm(String word) {
        return word.length() >= SHORTEST_VERB_FORM && verbs.infinitive(word).isPresent();
    }

    /**
     * The words of {@code text}, lower case and without accents; chat spelling that writes "qu" as
     * "k" ("kiero") is read as written properly when that gives a word the map knows.
     */
    private List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(plain(text));
        while (m.find()) {
            String word = m.group();
            words.add(
                    word.contains("k") && !known(word) && known(word.replace("k", "qu"))
                            ? word.replace("k", "qu")
                            : word);
        }
        return words;
    }

    /** The text glossed into English, lower case and without accents. */
    public String gloss(String text) {
        List<String> words = words(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int taken = 0;
            for (int n = Math.min(LONGEST_PHRASE, words.size() - i); n > 0 && taken == 0; n--) {
                String english = phrases.get(String.join(" ", words.subList(i, i + n)));
                if (english != null) {
                    out.add(english);
                    taken = n;
                }
            }
            if (taken == 0) {
                String word = words.get(i);
                out.add(word.length() >= SHORTEST_VERB_FORM ? verbs.gloss(word).orElse(word) : word);
                taken = 1;
            }
            i += taken;
        }
        return String.join(" ", out);
    }

    /** Lower case, accents removed: "Está" reads as "esta". */
    static String plain(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
    }
}
