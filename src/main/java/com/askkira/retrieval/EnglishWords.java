package com.askkira.retrieval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words of everyday English: the whole words of the embedding model's WordPiece vocabulary (BERT's
 * uncased vocabulary, shipped in the model's jar). A word the model knows whole is a word, not a
 * typo: "like", "stuff" or "seeing" must not be mended into the library's "life", "staff" or
 * "seeking", while "counsler" or "confidentallity" are no entry of it.
 */
final class EnglishWords {
    private static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";
    private static final Pattern WORD = Pattern.compile("[a-z]{4,}");

    private EnglishWords() {}

    /** The vocabulary's whole words of four letters or more (those the spelling corrector reads). */
    static Set<String> ofTheEmbeddingModel() {
        return Read.WORDS;
    }

    /** Read once, when first asked: each retriever (a reindex builds one) shares the same words. */
    private static final class Read {
        static final Set<String> WORDS = read();
    }

    private static Set<String> read() {
        try (InputStream in = EnglishWords.class.getResourceAsStream(TOKENIZER)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TOKENIZER);
            }
            Set<String> words = new HashSet<>();
            Iterator<String> entries =
                    new ObjectMapper().readTree(in).path("model").path("vocab").fieldNames();
            while (entries.hasNext()) {
                String entry = entries.next();
                if (WORD.matcher(entry).matches()) {
                    words.add(entry);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
