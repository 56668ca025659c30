package com.askkira.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a search found, and how it understood the question: the text it searched for (the question
 * resolved against history and spelling), whether it leaned on an earlier question, its embedding,
 * and its analysed terms (synonyms included) weighted by how rare they are in the library.
 */
public record Retrieval(
        String searchText,
        boolean followUp,
        float[] queryVector,
        Map<String, Double> queryTermWeights,
        List<Passage> passages) {
    public Retrieval {
        queryTermWeights = Map.copyOf(queryTermWeights);
        passages = List.copyOf(passages);
    }

    /**
     * The passages an answer was written from, when nothing else of the search is known (an answer
     * checked after the fact): no query vector, no term weights.
     */
    public static Retrieval of(String question, List<Passage> passages) {
        return new Retrieval(question, false, new float[0], Map.of(), passages);
    }

    /** Sum of the weights (inverse document frequencies) of the query terms found in {@code terms}. */
    public double matchedWeight(Set<String> terms) {
        double sum = 0;
        for (String term : terms) {
            sum += queryTermWeights.getOrDefault(term, 0.0);
        }
        return sum;
    }
}
