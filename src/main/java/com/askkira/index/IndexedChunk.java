package com.askkira.index;

import com.askkira.corpus.Chunk;
import java.util.List;

/** A chunk read back from the index, with the embedding of each of its sentences. */
public record IndexedChunk(Chunk chunk, List<float[]> sentenceVectors) {
    public IndexedChunk {
        sentenceVectors = List.copyOf(sentenceVectors);
        if (sentenceVectors.size() != chunk.sentences().size()) {
            throw new IllegalArgumentException("one vector per sentence of " + chunk.id());
        }
    }
}
