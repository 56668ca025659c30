package com.askkira.index;

import com.askkira.corpus.Chunk;
import java.util.List;

/**
 * A chunk read back from the index, with the embedding of each of its sentences and how generic
 * each sentence is: the mean similarity to its closest sentences elsewhere in the library (a
 * disclaimer or a definition sits near everything and answers nothing in particular).
 */
public record IndexedChunk(Chunk chunk, List<float[]> sentenceVectors, List<Float> sentenceGenerality) {
    public IndexedChunk {
        sentenceVectors = List.copyOf(sentenceVectors);
        sentenceGenerality = List.copyOf(sentenceGenerality);
        if (sentenceVectors.size() != chunk.sentences().size()
                || sentenceGenerality.size() != chunk.sentences().size()) {
            throw new IllegalArgumentException("one vector and one generality per sentence of " + chunk.id());
        }
    }
}
