package com.askkira.answer;

/**
 * The offline answerer's knobs, calibrated on the golden and abstention sets.
 *
 * @param minSemantic below this, no retrieved sentence is close enough in meaning to answer
 * @param minFieldSimilarity below this, a question is outside the library's field
 * @param keepRatio a sentence joins the answer when its score is at least this share of the best
 * @param redundancy two sentences more alike than this say the same thing; one is enough
 */
public record AnswerTuning(
        double lexicalWeight,
        double lexicalSaturation,
        double passageWeight,
        double minSemantic,
        double minFieldSimilarity,
        double keepRatio,
        double redundancy,
        int maxSentences,
        int passages) {

    public static AnswerTuning defaults() {
        return new AnswerTuning(0.3, 12.0, 0.2, 0.35, 0.30, 0.8, 0.85, 4, 4);
    }
}
