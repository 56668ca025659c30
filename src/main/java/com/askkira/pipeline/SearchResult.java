package com.askkira.pipeline;

import com.askkira.retrieval.Passage;

/** One passage of GET /v1/search, as the answerer would see it. */
public record SearchResult(String chunkId, String title, String section, String url, String text, double score) {
    public static SearchResult of(Passage passage) {
        var chunk = passage.chunk();
        return new SearchResult(
                chunk.id(),
                chunk.title(),
                chunk.section(),
                chunk.url(),
                chunk.text(),
                Math.round(passage.score() * 1000) / 1000.0);
    }
}
