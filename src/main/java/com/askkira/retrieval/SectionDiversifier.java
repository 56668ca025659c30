package com.askkira.retrieval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders passages so that the best passage of each section comes first, best section first, and
 * further passages of a section already shown come after them. Keeps the top results from being
 * three slices of one paragraph while the answerer can still reach the rest.
 */
final class SectionDiversifier {
    private SectionDiversifier() {}

    static List<Passage> diversify(List<Passage> byScore) {
        List<Passage> firsts = new ArrayList<>();
        List<Passage> rest = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        for (Passage passage : byScore) {
            (sections.add(passage.chunk().sectionKey()) ? firsts : rest).add(passage);
        }
        firsts.addAll(rest);
        return firsts;
    }
}
