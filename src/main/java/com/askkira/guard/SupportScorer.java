package com.askkira.guard;

import com.askkira.corpus.Sentence;
import com.askkira.embedding.Embedder;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.TermExtractor;
import java.util.List;
import java.util.Set;

/**
 * How well a passage supports a claim: the closest of its sentences, by meaning (embeddings) and
 * by the claim's own words found in it. A quoted sentence scores 1; a faithful paraphrase scores
 * high; a claim the passage never makes, however on-topic, scores below {@link #SUPPORTED}.
 */
public final class SupportScorer {
    /** Calibrated on src/test/resources/guard/grounding-claims.json (see SupportScorerTest). */
    public static final double SUPPORTED = 0.70;

    private final Embedder embedder;
    private final TermExtractor terms;

    public SupportScorer(Embedder embedder, TermExtractor terms) {
        this.embedder = embedder;
        this.terms = terms;
    }

    /** A claim ready to be scored against many passages: embedded and analysed once. */
    public record Claim(String text, float[] vector, Set<String> terms) {}

    public Claim claim(String text) {
        // Claim and library sentence are compared as equals, so both are embedded as passages.
        return new Claim(text, embedder.embedPassages(List.of(text)).getFirst(), terms.terms(text));
    }

    /** The support of the passage's best sentence for the claim, 0 to 1. */
    public double support(Claim claim, Passage passage) {
        List<Sentence> sentences = passage.chunk().sentences();
        double best = 0;
        for (int i = 0; i < sentences.size(); i++) {
            double meaning = Embedder.dot(claim.vector(), passage.sentenceVectors().get(i));
            double words = wordsFound(claim.terms(), terms.terms(sentences.get(i).text()));
            best = Math.max(best, 0.5 * meaning + 0.5 * words);
        }
        return best;
    }

    private static double wordsFound(Set<String> claim, Set<String> sentence) {
        if (claim.isEmpty()) {
            return 0;
        }
        long found = claim.stream().filter(sentence::contains).count();
        return (double) found / claim.size();
    }
}
