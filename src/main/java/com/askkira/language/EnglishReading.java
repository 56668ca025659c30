package com.askkira.language;

import com.askkira.cache.RecentResults;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What Kira's English checks read of a text: a Spanish one as its English gloss, any other as
 * written. A model answers a reader who writes in Spanish in Spanish, from the English library;
 * grounding and the confidentiality-limits rules compare the answer's words and meaning with that
 * library, so they read the gloss, and the reader gets the Spanish as the model wrote it.
 */
public final class EnglishReading {
    /** A citation marker ("[2]"): not a word, so not glossed; the checks read markers in the text as written. */
    private static final Pattern MARKER = Pattern.compile("\\s*\\[\\d{1,3}]");

    /** Texts remembered: an answer's sentences are read alone and within the answer, often several times. */
    private static final int RECENT = 8_192;

    private final SpanishGloss language;
    private final SpanishGloss glossary;
    private final RecentResults<String, String> read = new RecentResults<>(RECENT);

    /**
     * @param language tells Spanish from English, as Kira tells a question's language
     * @param glossary glosses what is Spanish; it knows more words than {@code language}, and its
     *     verbs would make some English words read as Spanish verb forms
     */
    public EnglishReading(SpanishGloss language, SpanishGloss glossary) {
        this.language = Objects.requireNonNull(language, "language");
        this.glossary = Objects.requireNonNull(glossary, "glossary");
    }

    public static EnglishReading fromResources() {
        return over(SpanishGloss.fromResources());
    }

    /** Told by the questions' map, glossed by it and the answers' map ({@link SpanishGloss#ANSWERS}). */
    public static EnglishReading over(SpanishGloss questions) {
        return new EnglishReading(questions, questions.with(SpanishGloss.ANSWERS));
    }

    /** The text as written when it is not Spanish (an equal string); its gloss when it is. */
    public String of(String text) {
        return read.get(
                text,
                t -> language.isSpanish(t) ? glossary.gloss(MARKER.matcher(t).replaceAll("")) : t);
    }
}
