package com.askkira.answer;

import com.askkira.retrieval.Passage;

/**
 * A sentence of a retrieved passage and how well it answers the question.
 *
 * @param passageRank the passage's place in the retrieval, from 0
 * @param index the sentence's place in its chunk, from 0
 * @param semantic cosine similarity of question and sentence embeddings
 * @param lexical share of the question's (idf-weighted) words the sentence contains, 0 to 1
 */
public record ScoredSentence(
        Passage passage,
        int passageRank,
        int index,
        String text,
        float[] vector,
        double semantic,
        double lexical,
        double score) {}
