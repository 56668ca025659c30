package com.askkira.retrieval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question's analysed terms, weighted by how rare they are in the library, grouped by the word
 * of the question they stand for: "therapist" and its synonyms ("counselor", "LCSW", "mental
 * health professional") are one group. A sentence earns a group's weight once, however many of
 * its synonyms it uses, so a sentence that merely names many kinds of clinician does not outweigh
 * one that shares the question's rarer words. {@code unknownWeight} is the weight of the groups none
 * of whose terms the library uses at all.
 */
public record QueryTerms(List<Map<String, Double>> groups, double unknownWeight) {
    public static final QueryTerms NONE = new QueryTerms(List.of());

    public QueryTerms {
        groups = groups.stream().map(Map::copyOf).toList();
    }

    /** Terms whose presence in the library is not known: none counts as missing from it. */
    public QueryTerms(List<Map<String, Double>> groups) {
        this(groups, 0);
    }

    /** The share of {@link #totalWeight()} held by words of the question the library never uses. */
    public double unknownShare() {
        double total = totalWeight();
        return total == 0 ? 0 : unknownWeight / total;
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
