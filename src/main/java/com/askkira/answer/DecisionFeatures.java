package com.askkira.answer;

import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the decision to answer or decline reads: how close the library comes to the question, in
 * meaning and in words, against how close the field's generic topics and the topics outside the
 * field come. Each is computed the same way for every question; none names a question.
 *
 * @param bestSemantic similarity of the question to the closest retrieved sentence
 * @param coverage {@code bestSemantic} less the similarity to the closest generic topic of the field
 * @param fieldTopic similarity to the closest topic of the field
 * @param fieldMargin {@code fieldTopic} less the similarity to the closest topic outside the field
 * @param fieldWord 1 when the question uses a word only the field uses
 * @param subject 1 when it speaks of the library's subject (who may know what, and the rules)
 * @param bestLexical the largest share of the question's rare words one retrieved sentence holds
 * @param followUp 1 when the question leans on an earlier one
 * @param topScore the first passage's fused score (1 when first in every ranking)
 * @param passageLexical the largest share of the question's rare words one of the first three
 *     passages holds: how much of the question's own wording the library speaks to
 * @param unmatched the share of the question's rare words that none of the retrieved passages holds
 * @param topAgreement 1 when the first passage is among the first three of both the word and the
 *     meaning rankings
 * @param unknown the share of the question's rare words that the library never uses at all
 * @param neighboursNotCovered the share of the question's nearest labelled in-field questions that
 *     the library does not cover ({@link LabelledNeighbours})
 * @param neighboursOutside the share of its nearest labelled questions outside the field
 * @param probeNotCovered the probability, read linearly from its embedding, that an in-field question
 *     is not covered ({@link GapProbe})
 */
public record DecisionFeatures(
        double bestSemantic,
        double coverage,
        double fieldTopic,
        double fieldMargin,
        double fieldWord,
        double subject,
        double bestLexical,
        double followUp,
        double topScore,
        double passageLexical,
        double unmatched,
        double topAgreement,
        double unknown,
        double neighboursNotCovered,
        double neighboursOutside,
        double probeNotCovered) {

    public static final List<String> NAMES = List.of(
            "bestSemantic",
            "coverage",
            "fieldTopic",
            "fieldMargin",
            "fieldWord",
            "subject",
            "bestLexical",
            "followUp",
            "topScore",
            "passageLexical",
            "unmatched",
            "topAgreement",
            "unknown",
            "neighboursNotCovered",
            "neighboursOutside",
            "probeNotCovered");

    public static DecisionFeatures of(
            Retrieval retrieval,
            List<ScoredSentence> sentences,
            FieldClassifier field,
            Function<String, Set<String>> passageTerms,
            LabelledNeighbours.Shares neighbours,
            double probeNotCovered) {
        double bestSemantic =
                sentences.stream().mapToDouble(ScoredSentence::semantic).max().orElse(0);
        double bestLexical =
                sentences.stream().mapToDouble(ScoredSentence::lexical).max().orElse(0);
        double topic = field.closestTopic(retrieval.queryVector());
        double total = retrieval.queryTerms().totalWeight();
        double passageLexical = 0;
        Set<String> retrieved = new HashSet<>();
        for (int i = 0; i < retrieval.rankedPassages().size(); i++) {
            Set<String> held =
                    passageTerms.apply(retrieval.rankedPassages().get(i).chunk().text());
            retrieved.addAll(held);
            if (i < 3 && total > 0) {
                passageLexical = Math.max(passageLexical, retrieval.queryTerms().matchedWeight(held) / total);
            }
        }
        double unmatched = total == 0 ? 0 : 1 - retrieval.queryTerms().matchedWeight(retrieved) / total;
        Passage top = retrieval.rankedPassages().isEmpty()
                ? null
                : retrieval.rankedPassages().getFirst();
        return new DecisionFeatures(
                bestSemantic,
                bestSemantic - topic,
                topic,
                topic - field.closestOutsideTopic(retrieval.queryVector()),
                field.usesAWordOfTheField(retrieval.searchText()) ? 1 : 0,
                field.speaksOfTheLibrarysSubject(retrieval.searchText()) ? 1 : 0,
                bestLexical,
                retrieval.followUp() ? 1 : 0,
                top == null ? 0 : top.score(),
                passageLexical,
                unmatched,
                top != null && inTopThree(top.bm25Rank()) && inTopThree(top.vectorRank()) ? 1 : 0,
                retrieval.queryTerms().unknownShare(),
                neighbours.notCovered(),
                neighbours.outOfScope(),
                probeNotCovered);
    }

    private static boolean inTopThree(int rank) {
        return rank >= 1 && rank <= 3; // ranks count from 1; 0 is "not found by that ranking"
    }

    public double[] values() {
        return new double[] {
            bestSemantic,
            coverage,
            fieldTopic,
            fieldMargin,
            fieldWord,
            subject,
            bestLexical,
            followUp,
            topScore,
            passageLexical,
            unmatched,
            topAgreement,
            unknown,
            neighboursNotCovered,
            neighboursOutside,
            probeNotCovered
        };
    }
}
