package com.askkira.guard;

import com.askkira.cache.RecentResults;
import com.askkira.config.Tuning;
import com.askkira.corpus.Sentence;
import com.askkira.embedding.Embedder;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.TermExtractor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How well a passage supports a claim: the closest of its sentences, by meaning (embeddings) and
 * by the claim's own words found in it. A quoted sentence scores 1; a faithful paraphrase scores
 * high; a claim the passage never makes, however on-topic, scores below {@link #SUPPORTED}.
 */
public final class SupportScorer {
    /**
     * The default threshold ({@link Tuning.Grounding#supported()}), for the checks that compare a
     * score with it: its provenance is in {@link Tuning}.
     */
    public static final double SUPPORTED = Tuning.defaults().grounding().supported();

    /** The default bar for a passage sentence to stand in for a claim ({@link Tuning.Grounding#replaceable()}). */
    public static final double REPLACEABLE = Tuning.defaults().grounding().replaceable();

    /** Enough for every sentence of the answers being judged at once on a small server. */
    private static final int RECENT_CLAIMS = 256;

    private static final int RECENT_PASSAGES = 1_024;

    private final Embedder embedder;
    private final TermExtractor terms;
    private final double meaningWeight;
    /**
     * The claims scored lately: an answer is judged sentence by sentence and then whole, so each of
     * its sentences is asked for twice in a row. Bounded, oldest out; a claim is library-checked text,
     * its vector the same whoever asks.
     */
    private final RecentResults<String, Claim> recent = new RecentResults<>(RECENT_CLAIMS);

    /** See {@link #sentenceTerms}: more passages than a few answers retrieve at once. */
    private final RecentResults<String, List<Set<String>>> analysedPassages = new RecentResults<>(RECENT_PASSAGES);

    /** A scorer weighing meaning and words as {@link Tuning#defaults()} does. */
    public SupportScorer(Embedder embedder, TermExtractor terms) {
        this(embedder, terms, Tuning.defaults().grounding());
    }

    public SupportScorer(Embedder embedder, TermExtractor terms, Tuning.Grounding tuning) {
        this.embedder = embedder;
        this.terms = terms;
        this.meaningWeight = tuning.meaningWeight();
    }

    /** The embedding model its meaning is read with. */
    public String embedding() {
        return embedder.name();
    }

    /** A claim ready to be scored against many passages: embedded and analysed once. */
    public record Claim(String text, float[] vector, Set<String> terms) {}

    public Claim claim(String text) {
        // Claim and library sentence are compared as equals, so both are embedded as passages.
        return recent.get(
                text, t -> new Claim(t, embedder.embedPassages(List.of(t)).getFirst(), terms.terms(t)));
    }

    /**
     * The support of the passage's best sentence, or pair of neighbouring sentences, for the claim,
     * 0 to 1: meaning and the claim's own words found, weighed by {@link
     * Tuning.Grounding#meaningWeight()} (half and half by default). A pair counts because a faithful
     * answer sentence often joins two sentences of its passage into one.
     */
    public double support(Claim claim, Passage passage) {
        return bestSpan(claim, passage).score();
    }

    /**
     * The passage's sentences that support a claim best, and how well (see {@link #support}): {@code
     * score} weighs their closeness in {@code meaning} and the share of the claim's {@code words}
     * they hold.
     */
    public record Span(String text, double score, double meaning, double words) {}

    /** The passage's best sentence, or pair of neighbouring sentences, for the claim: what {@link #support} scores. */
    public Span bestSpan(Claim claim, Passage passage) {
        return best(claim, passage, true);
    }

    /** The passage's one sentence that supports the claim best, and how well, scored as {@link #support} does. */
    public Span bestSentence(Claim claim, Passage passage) {
        return best(claim, passage, false);
    }

    private Span best(Claim claim, Passage passage, boolean pairs) {
        List<Sentence> sentences = passage.chunk().sentences();
        List<float[]> vectors = passage.sentenceVectors();
        List<Set<String>> analysed = sentenceTerms(passage);
        Span best = new Span("", 0, 0, 0);
        for (int i = 0; i < sentences.size(); i++) {
            Set<String> sentenceTerms = analysed.get(i);
            double meaning = Embedder.dot(claim.vector(), vectors.get(i));
            double words = wordsFound(claim.terms(), sentenceTerms);
            double alone = meaningWeight * meaning + (1 - meaningWeight) * words;
            if (alone > best.score()) {
                best = new Span(sentences.get(i).text(), alone, meaning, words);
            }
            if (pairs && i + 1 < sentences.size()) {
                Set<String> pairTerms = new HashSet<>(sentenceTerms);
                pairTerms.addAll(analysed.get(i + 1));
                double pairMeaning = Math.max(
                        meaning, Embedder.dot(claim.vector(), normalizedSum(vectors.get(i), vectors.get(i + 1))));
                double pairWords = Math.max(words, wordsFound(claim.terms(), pairTerms));
                double pair = meaningWeight * pairMeaning + (1 - meaningWeight) * pairWords;
                if (pair > best.score()) {
                    best = new Span(
                            sentences.get(i).text() + " " + sentences.get(i + 1).text(), pair, pairMeaning, pairWords);
                }
            }
        }
        return best;
    }

    /**
     * The words of each of the passage's sentences, analysed once for all the claims judged against
     * it (each sentence was analysed twice a claim, alone and in its pair). Keyed by the chunk's
     * text, so a re-indexed library never meets an old analysis.
     */
    private List<Set<String>> sentenceTerms(Passage passage) {
        return analysedPassages.get(
                passage.chunk().text(),
                text -> passage.chunk().sentences().stream()
                        .map(sentence -> terms.terms(sentence.text()))
                        .toList());
    }

    /** The direction of two sentences together: their unit vectors added and scaled back to length 1. */
    private static float[] normalizedSum(float[] a, float[] b) {
        float[] sum = new float[a.length];
        double length = 0;
        for (int d = 0; d < a.length; d++) {
            sum[d] = a[d] + b[d];
            length += sum[d] * sum[d];
        }
        float scale = length == 0 ? 0 : (float) (1 / Math.sqrt(length));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= scale;
        }
        return sum;
    }

    private static double wordsFound(Set<String> claim, Set<String> sentence) {
        if (claim.isEmpty()) {
            return 0;
        }
        long found = claim.stream().filter(sentence::contains).count();
        return (double) found / claim.size();
    }
}
