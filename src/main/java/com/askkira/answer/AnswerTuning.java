package com.askkira.answer;

/**
 * The offline answerer's knobs, calibrated on the golden and abstention sets.
 *
 * @param genericWeight how much a sentence's generality (closeness to the library at large) counts
 *     against it: a definition or disclaimer is near every question and answers none in particular
 * @param minSemantic below this, no retrieved sentence is close enough in meaning to answer
 * @param sureSemantic at or above this, a sentence is so close in meaning that the question is in
 *     the library's field whatever words it uses
 * @param minFieldSimilarity below this, a question is outside the library's field
 * @param coverageMargin how much closer (or, if negative, how much less close) the best sentence
 *     must be to the question than the nearest generic topic of the field, for Kira to answer
 * @param keepRatio a sentence joins the answer when its score is at least this share of the best
 * @param closeness ...and its similarity to the question is at most this much below the best's
 * @param coherence ...and, from another passage, it is at least this similar to the best sentence
 * @param redundancy two sentences more alike than this say the same thing; one is enough
 */
public record AnswerTuning(
        double lexicalWeight,
        double lexicalSaturation,
        double passageWeight,
        double genericWeight,
        double minSemantic,
        double sureSemantic,
        double minFieldSimilarity,
        double coverageMargin,
        double keepRatio,
        double closeness,
        double coherence,
        double redundancy,
        int maxSentences,
        int passages) {

    public static AnswerTuning defaults() {
        return new AnswerTuning(0.3, 12.0, 1.0, 0.6, 0.50, 0.75, 0.53, -0.05, 0.8, 0.05, 0.70, 0.85, 4, 4);
    }
}
