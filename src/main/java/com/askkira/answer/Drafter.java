package com.askkira.answer;

import com.askkira.retrieval.Retrieval;

/**
 * Writes a cited answer from the passages retrieval found, as a reply read piece by piece: a
 * streaming model, a blocking one (one piece), or the offline extractive answerer. The text cites
 * passages by their number in {@code retrieval} ({@code [1]} is the first) and is judged by the
 * caller; nothing here reaches a reader.
 */
public interface Drafter {
    /** Names the model in the response ({@code "offline-extractive"}, or the model's name). */
    String modelName();

    /** Whether drafting sends the question to a model server (a third party). */
    boolean usesAModel();

    /**
     * Starts the answer; {@code rejectedBecause} is empty on a first attempt, else why the last
     * attempt was rejected. A failure shows as the reply failing when read.
     */
    ModelReply draft(String question, Retrieval retrieval, String rejectedBecause);
}
