package com.askkira.retrieval;

import java.util.List;
import java.util.Set;

/**
 * What a search found, and how it understood the question: the text it searched for (the question
 * resolved against history and spelling), whether it leaned on an earlier question, its embedding,
 * and its analysed terms (synonyms included) weighted by how rare they are in the library.
 */
public record Retrieval(
        String searchText, boolean followUp, float[] queryVector, QueryTerms queryTerms, List<Passage> passages) {
    public Retrieval {
        passages = List.copyOf(passages);
    }

    /** The same search, keeping only the passages of {@code chunkIds} (those an answer cites), in rank order. */
    public Retrieval onlyPassages(Set<String> chunkIds) {
        return new Retrieval(
                searchText,
                followUp,
                queryVector,
                queryTerms,
                passages.stream().filter(p -> chunkIds.contains(p.chunk().id())).toList());
    }

    /**
     * The passages an answer was written from, when nothing else of the search is known (an answer
     * checked after the fact): no query vector, no term weights.
     */
    public static Retrieval of(String question, List<Passage> passages) {
        return new Retrieval(question, false, new float[0], QueryTerms.NONE, passages);
    }
}
