package com.askkira.answer;

import com.askkira.config.Tuning;
import com.askkira.corpus.Sentence;
import com.askkira.embedding.Embedder;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.TermExtractor;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores every sentence of the top passages against the question: meaning (embeddings computed at
 * index time), shared rare words, and the standing of the passage it comes from.
 */
public final class SentenceScorer {
    private final TermExtractor sentenceTerms;
    private final Tuning.Answer tuning;

    /** @param sentenceTerms best one that remembers ({@link TermExtractor#remembering}): sentences come back */
    public SentenceScorer(TermExtractor sentenceTerms, Tuning.Answer tuning) {
        this.sentenceTerms = sentenceTerms;
        this.tuning = tuning;
    }

    /** The sentences of the first {@code passages} passages the search ranked, scored against its question. */
    public List<ScoredSentence> score(Retrieval retrieval, int passages) {
        List<ScoredSentence> scored = new ArrayList<>();
        List<Passage> top = retrieval.rankedPassages().subList(0, Math.min(passages, retrieval.ranked()));
        for (int rank = 0; rank < top.size(); rank++) {
            scored.addAll(score(retrieval, top.get(rank), rank));
        }
        return scored;
    }

    /** The sentences of {@code passage}, which stands at {@code rank} of the retrieval, scored against its question. */
    public List<ScoredSentence> score(Retrieval retrieval, Passage passage, int rank) {
        double questionWeight = retrieval.queryTerms().totalWeight();
        List<ScoredSentence> scored = new ArrayList<>();
        List<Sentence> sentences = passage.chunk().sentences();
        for (int i = 0; i < sentences.size(); i++) {
            String text = sentences.get(i).text();
            float[] vector = passage.sentenceVectors().get(i);
            double semantic = Embedder.dot(retrieval.queryVector(), vector);
            double matched = retrieval.queryTerms().matchedWeight(sentenceTerms.terms(text));
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
        return scored;
    }
}
