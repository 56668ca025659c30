package com.askkira.answer;

import com.askkira.corpus.Chunk;
import java.util.List;

/**
 * The passage behind an {@code [n]} marker. {@code quote} is a verbatim span of the chunk's text
 * covering every sentence the answer took from it; {@code sentences} lists those sentences.
 */
public record Citation(
        int n,
        String chunkId,
        String title,
        String section,
        String url,
        String quote,
        String type,
        String lastUpdated,
        String reviewedBy,
        List<String> sentences) {

    public Citation {
        if (n < 1) {
            throw new IllegalArgumentException("citation numbers start at 1");
        }
        sentences = List.copyOf(sentences);
    }

    public static Citation of(int n, Chunk chunk, String quote, List<String> sentences) {
        return new Citation(
                n,
                chunk.id(),
                chunk.title(),
                chunk.section(),
                chunk.url(),
                quote,
                chunk.type().wireName(),
                chunk.lastUpdated().toString(),
                chunk.reviewedBy(),
                sentences);
    }
}
