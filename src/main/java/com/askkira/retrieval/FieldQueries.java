package com.askkira.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * {@link QueryBuilder#createBooleanQuery(String, String, BooleanClause.Occur)} for several fields
 * at once from one analysis of the text. The query analyzer reads every field alike, and the
 * builder uses the field only to name the terms, so each field's query is the one it would build
 * alone (FieldQueriesTest compares them); BM25 asked for three or four fields of the same question,
 * and analysing it (synonym graph, stemming) was half of building them.
 */
final class FieldQueries extends QueryBuilder {
    FieldQueries(Analyzer analyzer) {
        super(analyzer);
    }

    /**
     * A text whose synonym graph is too long for Lucene to walk: it recurses a level a position and
     * gives up past 1,000 ("Exceeded maximum recursion level during graph analysis").
     */
    static final class TooLong extends RuntimeException {
        TooLong(IllegalArgumentException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** A text's SHOULD query for each field asked for (null when it has no terms), and its term groups. */
    record Analysed(Map<String, Query> queries, List<Set<String>> termGroups) {}

    /**
     * {@code text}'s query for each of {@code fields}, and its {@link TermExtractor#termGroups(String)}
     * (the same analyzer), from one analysis.
     */
    Analysed should(String text, List<String> fields) {
        Map<String, Query> queries = new HashMap<>();
        try (CachingTokenFilter tokens = new CachingTokenFilter(getAnalyzer().tokenStream("", text))) {
            List<Set<String>> groups = TermExtractor.termGroups(tokens);
            for (String field : fields) {
                // Each build resets the cached tokens and replays them from the start.
                queries.put(field, fieldQuery(tokens, field));
            }
            return new Analysed(queries, groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query fieldQuery(CachingTokenFilter tokens, String field) {
        try {
            return createFieldQuery(new Unclosed(tokens), BooleanClause.Occur.SHOULD, field, false, 0);
        } catch (IllegalArgumentException e) {
            // The one IllegalArgumentException here: Lucene refusing a synonym graph too long to walk.
            throw new TooLong(e);
        }
    }

    /**
     * The start of {@code text} that holds its first {@code positions} analysed positions (stop
     * words count, as in a synonym graph), or the whole text when it has no more.
     */
    String firstPositions(String text, int positions) {
        if (positions == Integer.MAX_VALUE) {
            return text;
        }
        int cut = text.length();
        try (TokenStream tokens = getAnalyzer().tokenStream("", text)) {
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            int position = -1;
            while (tokens.incrementToken()) {
                position += increment.getPositionIncrement();
                if (position >= positions && cut == text.length()) {
                    cut = offset.startOffset();
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.substring(0, cut);
    }

    /**
     * The cached tokens, not closed by the builder (it closes the stream it is given): they are
     * replayed for the next field and closed once, with the analyzer's stream, at the end.
     */
    private static final class Unclosed extends TokenStream {
        private final CachingTokenFilter tokens;

        Unclosed(CachingTokenFilter tokens) {
            super(tokens);
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() throws IOException {
            return tokens.incrementToken();
        }

        @Override
        public void reset() throws IOException {
            tokens.reset();
        }

        @Override
        public void end() throws IOException {
            tokens.end();
        }

        @Override
        public void close() {}
    }
}
