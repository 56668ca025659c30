package com.askkira.index;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.IOUtils;

/**
 * English analysis: possessives, lower case, accents folded, stop words, Porter stemming. The query side adds the
 * domain synonym map (corpus/synonyms.txt) before stemming, so synonyms are written as readers
 * type them and take effect without re-indexing.
 */
public final class KiraAnalyzer extends Analyzer {
    /**
     * Snowball's English list, not Lucene's 33-word default: readers' questions are full of "my",
     * "what", "how", "does", which otherwise make every question-shaped FAQ heading a match.
     */
    private static final CharArraySet STOP_WORDS = snowballStopWords();

    private final Optional<SynonymMap> synonyms;

    private KiraAnalyzer(Optional<SynonymMap> synonyms) {
        this.synonyms = synonyms;
    }

    public static KiraAnalyzer forIndexing() {
        return new KiraAnalyzer(Optional.empty());
    }

    public static KiraAnalyzer forQueries(Path synonymsFile) {
        return new KiraAnalyzer(
                Files.exists(synonymsFile) ? Optional.of(loadSynonyms(synonymsFile)) : Optional.empty());
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = normalizedWords(tokenizer);
        if (synonyms.isPresent()) {
            stream = new SynonymGraphFilter(stream, synonyms.get(), true);
        }
        // Stop words go after synonyms, so that rules such as "take the stand" can match.
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    private static TokenStream normalizedWords(TokenStream in) {
        TokenStream stream = new EnglishPossessiveFilter(in);
        stream = new LowerCaseFilter(stream);
        return new ASCIIFoldingFilter(stream);
    }

    private static CharArraySet snowballStopWords() {
        try (Reader reader = IOUtils.getDecodingReader(
                SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
            return WordlistLoader.getSnowballWordSet(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's English stop words are missing", e);
        }
    }

    private static SynonymMap loadSynonyms(Path file) {
        // Synonym entries are analysed like the query up to the synonym filter, so that they match.
        Analyzer entryAnalyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, normalizedWords(tokenizer));
            }
        };
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, entryAnalyzer);
            parser.parse(reader);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read synonyms " + file, e);
        } catch (ParseException e) {
            String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
            throw new IllegalArgumentException(file + ": " + e.getMessage() + cause, e);
        }
    }
}
