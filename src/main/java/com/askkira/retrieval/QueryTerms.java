package com.askkira.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question's analysed terms, weighted by how rare they are in the library, grouped by the word
 * of the question they stand for: "therapist" and its synonyms ("counselor", "LCSW", "mental
 * health professional") are one group. A sentence earns a group's weight once, however many of
 * its synonyms it uses, so a sentence that merely names many kinds of clinician does not outweigh
 * one that shares the question's rarer words.
 */
public record QueryTerms(List<Map<String, Double>> groups) {
    public static final QueryTerms NONE = new QueryTerms(List.of());

    public QueryTerms {
        groups = groups.stream().map(Map::copyOf).toList();
    }

    /** What a sentence earns by sharing every group: each group's heaviest term. */
    public double totalWeight() {
        return groups.stream()
                .mapToDouble(g -> g.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(0))
                .sum();
    }

    /** For each group, the weight of its heaviest term among {@code terms}. */
    public double matchedWeight(Set<String> terms) {
        double sum = 0;
        for (Map<String, Double> group : groups) {
            double best = 0;
            for (Map.Entry<String, Double> term : group.entrySet()) {
                if (terms.contains(term.getKey())) {
                    best = Math.max(best, term.getValue());
                }
            }
            sum += best;
        }
        return sum;
    }
}
