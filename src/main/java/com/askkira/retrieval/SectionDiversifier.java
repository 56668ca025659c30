package com.askkira.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders results so that the best result of each section comes first, best section first, and
 * further results of a section already shown come after them. Keeps the top results from being
 * three slices of one paragraph while the answerer can still reach the rest.
 */
final class SectionDiversifier {
    private SectionDiversifier() {}

    /** How to find the section of a result. */
    @FunctionalInterface
    interface SectionOf<T> {
        String of(T item) throws IOException;
    }

    /** The first {@code limit} items of {@code byScore} in diversified order. */
    static <T> List<T> diversify(List<T> byScore, SectionOf<T> sectionOf, int limit) throws IOException {
        List<T> firsts = new ArrayList<>();
        List<T> rest = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        for (T item : byScore) {
            if (firsts.size() >= limit) {
                break;
            }
            (sections.add(sectionOf.of(item)) ? firsts : rest).add(item);
        }
        for (T item : rest) {
            if (firsts.size() >= limit) {
                break;
            }
            firsts.add(item);
        }
        return firsts;
    }
}
