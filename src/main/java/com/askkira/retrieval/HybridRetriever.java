package com.askkira.retrieval;

import com.askkira.config.Tuning;
import com.askkira.embedding.Embedder;
import com.askkira.index.IndexFields;
import com.askkira.index.KiraAnalyzer;
import com.askkira.index.KiraIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * BM25 over text and headings, nearest neighbours over chunk embeddings, and the sections that
 * labelled questions like this one were answered from ({@link AskedBefore}), fused by reciprocal
 * rank; then one passage per section first. Every ranking sees the question as resolved against the
 * conversation and mended for spelling.
 */
public final class HybridRetriever implements Retriever {
    private static final int CANDIDATES = 50;
    /** The fields BM25 searches a question (and its context) in. */
    private static final List<String> FIELDS = List.of(IndexFields.TEXT, IndexFields.HEADINGS, IndexFields.TITLE);

    private static final List<String> WITH_SECTIONS =
            List.of(IndexFields.TEXT, IndexFields.HEADINGS, IndexFields.TITLE, IndexFields.SECTION_TEXT);
    private final Tuning.Retrieval tuning;
    private final KiraIndex index;
    private final Embedder embedder;
    private final FieldQueries queries;
    private final TermExtractor queryTerms;
    private final SpellingCorrector speller;
    private final AskedBefore askedBefore;
    private final FollowUpResolver followUps = new FollowUpResolver();

    HybridRetriever(
            KiraIndex index,
            Embedder embedder,
            Analyzer queryAnalyzer,
            SpellingCorrector speller,
            AskedBefore askedBefore,
            Tuning.Retrieval tuning) {
        this.index = index;
        this.askedBefore = askedBefore;
        this.embedder = embedder;
        this.queries = new FieldQueries(queryAnalyzer);
        this.queryTerms = new TermExtractor(queryAnalyzer);
        this.speller = speller;
        this.tuning = tuning;
    }

    /** A retriever with the query analysis (synonyms) and spelling vocabulary of the library in {@code corpusDir}. */
    public static HybridRetriever over(
            KiraIndex index, Embedder embedder, Path synonymsFile, AskedBefore askedBefore, Tuning.Retrieval tuning) {
        return new HybridRetriever(
                index,
                embedder,
                KiraAnalyzer.forQueries(synonymsFile),
                SpellingCorrector.knowingWordsOf(synonymsFile, (float) tuning.spellingAccuracy()),
                askedBefore,
                tuning);
    }

    @Override
    public Retrieval retrieve(RetrievalQuery query, int k) {
        return retrieve(query, k, RetrievalMode.HYBRID);
    }

    public Retrieval retrieve(RetrievalQuery query, int k, RetrievalMode mode) {
        return index.withSearcher(searcher -> {
            Optional<String> subject = followUps.subject(query.question(), query.history());
            Map<String, String> fixes =
                    speller.corrections(query.question() + " " + subject.orElse(""), searcher.getIndexReader());
            String question = corrected(query.question(), fixes);
            Optional<String> context = subject.map(s -> corrected(s, fixes));
            String searchText = context.map(c -> c + " " + question).orElse(question);
            float[] vector = embedder.embedQuery(searchText);

            boolean semantic = mode != RetrievalMode.BM25;
            Lexical words = lexical(searcher, question, context, mode != RetrievalMode.VECTOR);
            List<Ranking> rankings = List.of(
                    new Ranking(words.bm25(), tuning.bm25Weight()),
                    new Ranking(
                            semantic ? nearest(searcher, vector, IndexFields.VECTOR) : List.of(),
                            tuning.vectorWeight()),
                    new Ranking(words.sections(), tuning.sectionBm25Weight()),
                    new Ranking(
                            semantic ? nearest(searcher, vector, IndexFields.SECTION_VECTOR) : List.of(),
                            tuning.sectionVectorWeight()),
                    new Ranking(
                            // Votes join the fused search only: a ranking by one method alone stays that method's.
                            mode == RetrievalMode.HYBRID && tuning.askedBeforeWeight() > 0
                                    ? chunksOf(searcher, askedBefore.sections(vector))
                                    : List.of(),
                            tuning.askedBeforeWeight()));
            List<Passage> passages = new ArrayList<>();
            for (Fused f : SectionDiversifier.diversify(fuse(rankings), f -> index.sectionOf(searcher, f.doc()), k)) {
                passages.add(new Passage(index.chunkAt(searcher, f.doc()), f.score(), f.bm25Rank(), f.vectorRank()));
            }
            return new Retrieval(
                    searchText, context.isPresent(), vector, termWeights(searcher, words.termGroups()), passages);
        });
    }

    /** BM25's two rankings (empty when not searching by words) and the search text's term groups. */
    private record Lexical(List<Integer> bm25, List<Integer> sections, List<Set<String>> termGroups) {}

    /** Positions each text keeps once Lucene has refused it whole: one clause a word, three fields, two texts. */
    private static final int FIRST_CUT = 128;

    /**
     * Lucene builds no boolean query of over 1,024 clauses, and no query of over 1,024 leaves in all,
     * nor walks a synonym graph of over 1,000 positions. A reader's question is far shorter, but a
     * history turn (4,000 characters) or a workbench text (6,000) need not be: a text Lucene refuses
     * is searched by its first {@value #FIRST_CUT} positions, and by half as many again while it
     * still refuses (at none, there is no query, and the embeddings search alone).
     */
    private Lexical lexical(IndexSearcher searcher, String question, Optional<String> context, boolean lexical)
            throws IOException {
        for (int positions = Integer.MAX_VALUE; ; positions = Math.min(positions, 2 * FIRST_CUT) / 2) {
            int kept = positions;
            try {
                return searchWords(
                        searcher,
                        queries.firstPositions(question, kept),
                        context.map(c -> queries.firstPositions(c, kept)),
                        lexical);
            } catch (IndexSearcher.TooManyClauses | FieldQueries.TooLong e) {
                if (kept == 0) {
                    throw e; // no words, no query: not reached, but never a loop
                }
            }
        }
    }

    private Lexical searchWords(IndexSearcher searcher, String question, Optional<String> context, boolean lexical)
            throws IOException {
        String searchText = context.map(c -> c + " " + question).orElse(question);
        // Each text is analysed once: the question (and, without a context, the search text, which
        // is then the same) for every field it is searched in, and for the term weights.
        FieldQueries.Analysed asked =
                queries.should(question, !lexical ? List.of() : context.isEmpty() ? WITH_SECTIONS : FIELDS);
        Optional<FieldQueries.Analysed> before = context.filter(c -> lexical).map(c -> queries.should(c, FIELDS));
        FieldQueries.Analysed searched = context.isEmpty()
                ? asked
                : queries.should(searchText, lexical ? List.of(IndexFields.SECTION_TEXT) : List.of());
        return new Lexical(
                lexical ? bm25(searcher, asked, before) : List.of(),
                lexical ? sectionBm25(searcher, searched.queries().get(IndexFields.SECTION_TEXT)) : List.of(),
                searched.termGroups());
    }

    /** This retriever's analysis, spelling, labelled questions and tuning, over another index of the same library. */
    public HybridRetriever over(KiraIndex other) {
        return new HybridRetriever(other, embedder, queries.getAnalyzer(), speller, askedBefore, tuning);
    }

    /**
     * This retriever without the questions asked before: for text that is not a visitor's question
     * (a claim to check against the library), which labelled questions say nothing about.
     */
    public HybridRetriever withoutAskedBefore() {
        return new HybridRetriever(index, embedder, queries.getAnalyzer(), speller, AskedBefore.NONE, tuning);
    }

    /** The rest of the sections this retriever's passages come from, read from its index. */
    public SectionMates sectionMates() {
        return SectionMates.in(index);
    }

    /**
     * The chunks named by {@code chunkIds}, in that order, as what a search for {@code question}
     * found: the question's embedding and term weights, and the passages (ids not in the index are
     * skipped). For answering from passages chosen elsewhere, such as those in a prompt.
     */
    public Retrieval over(String question, List<String> chunkIds) {
        return index.withSearcher(searcher -> {
            List<Passage> passages = new ArrayList<>();
            for (String id : chunkIds) {
                TopDocs hit = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
                if (hit.scoreDocs.length > 0) {
                    double score = 1.0 / (passages.size() + 1);
                    passages.add(new Passage(index.chunkAt(searcher, hit.scoreDocs[0].doc), score, 0, 0));
                }
            }
            return new Retrieval(
                    question,
                    false,
                    embedder.embedQuery(question),
                    termWeights(searcher, queryTerms.termGroups(question)),
                    passages);
        });
    }

    private List<Integer> bm25(
            IndexSearcher searcher, FieldQueries.Analysed question, Optional<FieldQueries.Analysed> context)
            throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        addFields(query, question, 1f);
        context.ifPresent(c -> addFields(query, c, (float) tuning.historyWeight()));
        List<Integer> docs = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query.build(), CANDIDATES).scoreDocs) {
            docs.add(hit.doc);
        }
        return docs;
    }

    private static List<Integer> sectionBm25(IndexSearcher searcher, Query q) throws IOException {
        List<Integer> docs = new ArrayList<>();
        if (q != null) {
            for (ScoreDoc hit : searcher.search(q, CANDIDATES).scoreDocs) {
                docs.add(hit.doc);
            }
        }
        return docs;
    }

    private void addFields(BooleanQuery.Builder query, FieldQueries.Analysed text, float weight) {
        add(query, text.queries().get(IndexFields.TEXT), weight);
        add(query, text.queries().get(IndexFields.HEADINGS), weight * (float) tuning.headingBoost());
        add(query, text.queries().get(IndexFields.TITLE), weight * (float) tuning.titleBoost());
    }

    private static void add(BooleanQuery.Builder query, Query q, float boost) {
        if (q != null && boost > 0) {
            query.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        }
    }

    /** BM25's inverse document frequency, by Lucene's own formula (a term the library lacks included). */
    private static final class Bm25Idf extends BM25Similarity {
        float of(long docFreq, long docCount) {
            return idf(docFreq, docCount);
        }
    }

    private static final Bm25Idf IDF = new Bm25Idf();

    /** BM25's inverse document frequency of each term in the text field, group by group. */
    private static QueryTerms termWeights(IndexSearcher searcher, List<Set<String>> groups) throws IOException {
        int docs = Math.max(1, searcher.getIndexReader().numDocs());
        List<Map<String, Double>> weighted = new ArrayList<>();
        double unknown = 0;
        for (Set<String> group : groups) {
            Map<String, Double> weights = new HashMap<>();
            boolean known = false;
            for (String term : group) {
                int df = searcher.getIndexReader().docFreq(new Term(IndexFields.TEXT, term));
                weights.put(term, (double) IDF.of(df, docs));
                known |= df > 0;
            }
            weighted.add(weights);
            if (!known) {
                unknown += weights.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(0);
            }
        }
        return new QueryTerms(weighted, unknown);
    }

    /** Every chunk of each section, in the sections' order. */
    private List<Integer> chunksOf(IndexSearcher searcher, List<String> sections) {
        List<Integer> docs = new ArrayList<>();
        for (String section : sections) {
            docs.addAll(index.sectionDocs(searcher, section));
        }
        return docs;
    }

    private static List<Integer> nearest(IndexSearcher searcher, float[] vector, String field) throws IOException {
        List<Integer> docs = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery(field, vector, CANDIDATES), CANDIDATES).scoreDocs) {
            docs.add(hit.doc);
        }
        return docs;
    }

    record Fused(int doc, double score, int bm25Rank, int vectorRank) {}

    /** One ranking of documents, best first, and its weight in the fusion. */
    private record Ranking(List<Integer> docs, double weight) {}

    /** Reciprocal rank fusion, scaled so that first place in every ranking used scores 1.0. */
    private List<Fused> fuse(List<Ranking> rankings) {
        Map<Integer, int[]> ranks = new HashMap<>();
        double best = 0;
        for (int r = 0; r < rankings.size(); r++) {
            List<Integer> docs = rankings.get(r).docs();
            for (int i = 0; i < docs.size(); i++) {
                ranks.computeIfAbsent(docs.get(i), d -> new int[rankings.size()])[r] = i + 1;
            }
            best += docs.isEmpty() ? 0 : rankings.get(r).weight() / (tuning.rrfK() + 1);
        }
        List<Fused> fused = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : ranks.entrySet()) {
            int[] r = e.getValue();
            double score = 0;
            for (int i = 0; i < r.length; i++) {
                score += r[i] > 0 ? rankings.get(i).weight() / (tuning.rrfK() + r[i]) : 0;
            }
            fused.add(new Fused(e.getKey(), best == 0 ? 0 : score / best, r[0], r[1]));
        }
        fused.sort(Comparator.comparingDouble(Fused::score).reversed().thenComparingInt(Fused::doc));
        return fused;
    }

    private static String corrected(String text, Map<String, String> fixes) {
        String out = text;
        for (Map.Entry<String, String> fix : fixes.entrySet()) {
            out = Pattern.compile("(?i)\\b" + Pattern.quote(fix.getKey()) + "\\b")
                    .matcher(out)
                    .replaceAll(fix.getValue());
        }
        return out;
    }
}
