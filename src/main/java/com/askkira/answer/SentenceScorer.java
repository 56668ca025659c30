package com.askkira.answer;

import com.askkira.cache.RecentResults;
import com.askkira.config.Tuning;
import com.askkira.corpus.Sentence;
import com.askkira.embedding.Embedder;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.TermExtractor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Scores every sentence of the top passages against the question: meaning (embeddings computed at
 * index time), shared rare words, and the standing of the passage it comes from.
 */
public final class SentenceScorer {
    /**
     * Sentences whose terms are remembered: an answer scores about forty library sentences, then
     * again those of the passages it cites, and the same sentences come back across questions.
     */
    private static final int RECENT = 4_096;

    private final TermExtractor sentenceTerms;
    private final Tuning.Answer tuning;
    private final RecentResults<String, Set<String>> terms = new RecentResults<>(RECENT);

    public SentenceScorer(TermExtractor sentenceTerms, Tuning.Answer tuning) {
        this.sentenceTerms = sentenceTerms;
        this.tuning = tuning;
    }

    public List<ScoredSentence> score(Retrieval retrieval, int passages) {
        double questionWeight = retrieval.queryTerms().totalWeight();
        List<ScoredSentence> scored = new ArrayList<>();
        List<Passage> top = retrieval
                .passages()
                .subList(0, Math.min(passages, retrieval.passages().size()));
        for (int rank = 0; rank < top.size(); rank++) {
            Passage passage = top.get(rank);
            List<Sentence> sentences = passage.chunk().sentences();
            for (int i = 0; i < sentences.size(); i++) {
                String text = sentences.get(i).text();
                float[] vector = passage.sentenceVectors().get(i);
                double semantic = Embedder.dot(retrieval.queryVector(), vector);
                double matched = retrieval.queryTerms().matchedWeight(terms.get(text, this::termsOf));
                double lexical = questionWeight == 0
                        ? 0
                        : Math.min(1, matched / Math.min(questionWeight, tuning.lexicalSaturation()));
                double generic = passage.indexed().sentenceGenerality().get(i);
                double score = semantic
                        + tuning.lexicalWeight() * lexical
                        + tuning.passageWeight() * passage.score()
                        - tuning.genericWeight() * generic;
                scored.add(new ScoredSentence(passage, rank, i, text, vector, semantic, lexical, score));
            }
        }
        return scored;
    }

    private Set<String> termsOf(String sentence) {
        return Collections.unmodifiableSet(sentenceTerms.terms(sentence));
    }
}
