package com.askkira.retrieval;

import com.askkira.corpus.Chunk;
import com.askkira.index.IndexedChunk;
import java.util.List;

/**
 * A retrieved chunk with its fused score (1.0 = first in every ranking) and its rank in each
 * ranking (0 when that ranking did not find it).
 */
public record Passage(IndexedChunk indexed, double score, int bm25Rank, int vectorRank) {
    public Chunk chunk() {
        return indexed.chunk();
    }

    public List<float[]> sentenceVectors() {
        return indexed.sentenceVectors();
    }
}
