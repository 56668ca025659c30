package com.askkira.retrieval;

import com.askkira.cache.RecentResults;
import com.askkira.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Mends misspelt words ("confidentalty", "subpena") using the library's own vocabulary as the
 * dictionary. A word is left alone when the library, the synonym map or everyday English ({@link
 * EnglishWords}) knows it, so slang that the synonym map handles, or a plain word the library
 * happens not to use, is never "corrected" into something else.
 */
final class SpellingCorrector {
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    private static final int RECENT = 8_192;

    private final Set<String> knownWords;
    private final float accuracy;
    /**
     * What each word was mended to (or that it was left alone), for the last few thousand words, per
     * index reader: asking the spell-checker was the costliest step of a search, and the same few
     * misspellings come back question after question. A reader never changes, so neither does what
     * it suggests; a new reader (a reindex) has its own key.
     */
    private final RecentResults<WordAsked, Optional<String>> mended = new RecentResults<>(RECENT);

    /** A word asked about in one reader (by its cache key, so a closed reader is not held on to). */
    private record WordAsked(Object reader, String word) {}

    SpellingCorrector(Set<String> knownWords, float accuracy) {
        this.knownWords = Set.copyOf(knownWords);
        this.accuracy = accuracy;
    }

    /**
     * A corrector that leaves alone every word of everyday English and of the synonym map, on either
     * side of a rule, and suggests only library words at least {@code accuracy} alike (Lucene's
     * spell-checker accuracy).
     */
    static SpellingCorrector knowingWordsOf(Path synonymsFile, float accuracy) {
        Set<String> words = new HashSet<>(EnglishWords.ofTheEmbeddingModel());
        if (!Files.exists(synonymsFile)) {
            return new SpellingCorrector(words, accuracy);
        }
        try {
            for (String line : Files.readAllLines(synonymsFile, StandardCharsets.UTF_8)) {
                if (!line.strip().startsWith("#")) {
                    Matcher m = WORD.matcher(line.toLowerCase(Locale.ROOT));
                    while (m.find()) {
                        words.add(m.group());
                    }
                }
            }
            return new SpellingCorrector(words, accuracy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read synonyms " + synonymsFile, e);
        }
    }

    /** Misspelt words of {@code text} and what the library spells them as, in order of appearance. */
    Map<String, String> corrections(String text, IndexReader reader) throws IOException {
        Map<String, String> corrections = new LinkedHashMap<>();
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            if (knownWords.contains(word) || corrections.containsKey(word)) {
                continue;
            }
            IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
            Optional<String> mend;
            try {
                mend = helper == null
                        ? mend(word, reader)
                        : mended.get(new WordAsked(helper.getKey(), word), asked -> mend(word, reader));
            } catch (UncheckedIOException e) {
                throw e.getCause(); // as the spell-checker threw it
            }
            mend.ifPresent(correction -> corrections.put(word, correction));
        }
        return corrections;
    }

    /** The library word {@code word} is a misspelling of, if it is one. */
    private Optional<String> mend(String word, IndexReader reader) {
        try {
            Term term = new Term(IndexFields.SPELL, word);
            if (reader.docFreq(term) > 0) {
                return Optional.empty();
            }
            DirectSpellChecker checker = new DirectSpellChecker();
            // One edit for short words; two only for long ones, where two edits still leave the word recognisable.
            checker.setMaxEdits(word.length() >= 7 ? 2 : 1);
            checker.setAccuracy(accuracy);
            SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return suggestions.length > 0 ? Optional.of(suggestions[0].string) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
