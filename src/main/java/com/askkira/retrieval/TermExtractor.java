package com.askkira.retrieval;

import com.askkira.cache.RecentResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * The analysed terms of a text, as the index sees them: lets the answerer weigh a sentence's words
 * against the question's without knowing Lucene.
 */
public final class TermExtractor {
    private final Analyzer analyzer;
    private final Optional<RecentResults<String, Set<String>>> remembered;

    public TermExtractor(Analyzer analyzer) {
        this(analyzer, Optional.empty());
    }

    private TermExtractor(Analyzer analyzer, Optional<RecentResults<String, Set<String>>> remembered) {
        this.analyzer = analyzer;
        this.remembered = remembered;
    }

    /**
     * An extractor that remembers the terms of the last {@code texts} texts: the library's sentences
     * and passages come back answer after answer, and each is analysed by the scorer and the decision.
     */
    public static TermExtractor remembering(Analyzer analyzer, int texts) {
        return new TermExtractor(analyzer, Optional.of(new RecentResults<>(texts)));
    }

    /**
     * The terms grouped by the word of the text they stand for: a synonym shares its word's
     * position, and a multi-word synonym ("mental health professional") spans the word it replaces.
     */
    public List<Set<String>> termGroups(String text) {
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            return termGroups(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #termGroups(String)} of an analysed text's tokens, read from the start to the end. */
    static List<Set<String>> termGroups(TokenStream stream) throws IOException {
        List<Set<String>> groups = new ArrayList<>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
        PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
        stream.reset();
        int position = -1;
        int groupEnd = -1;
        while (stream.incrementToken()) {
            position += increment.getPositionIncrement();
            if (groups.isEmpty() || position >= groupEnd) {
                groups.add(new LinkedHashSet<>());
                groupEnd = position + 1;
            }
            groupEnd = Math.max(groupEnd, position + length.getPositionLength());
            groups.getLast().add(term.toString());
        }
        stream.end();
        groups.removeIf(Set::isEmpty);
        return groups;
    }

    /** Every analysed term of the text, synonyms included, in order; not to be changed. */
    public Set<String> terms(String text) {
        return remembered.map(r -> r.get(text, this::analysed)).orElseGet(() -> analysed(text));
    }

    private Set<String> analysed(String text) {
        Set<String> terms = new LinkedHashSet<>();
        termGroups(text).forEach(terms::addAll);
        return Collections.unmodifiableSet(terms);
    }
}
