package com.askkira.retrieval;

import com.askkira.index.KiraIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The other chunks of a retrieved passage's section. Search ranks chunks, one per section first, so
 * the sentence that answers is often in the right section's next chunk (the rule retrieved, its
 * condition a paragraph later): an answer may quote from the whole of the sections found.
 */
@FunctionalInterface
public interface SectionMates {
    /** The chunks of {@code passage}'s section other than its own, in reading order, each standing as it does. */
    List<Passage> of(Passage passage);

    /** {@code retrieval} with the rest of the sections of its ranked passages after them. */
    default Retrieval widen(Retrieval retrieval) {
        List<Passage> mates = new ArrayList<>();
        retrieval.rankedPassages().forEach(p -> mates.addAll(of(p)));
        return retrieval.with(mates);
    }

    /** A retriever whose retrievals are {@link #widen widened}; the ranked passages stay as {@code retriever} gives them. */
    default Retriever widening(Retriever retriever) {
        return (query, k) -> widen(retriever.retrieve(query, k));
    }

    /** Read from {@code index}, the sections read lately remembered until the index changes. */
    static SectionMates in(KiraIndex index) {
        return new IndexSectionMates(index);
    }
}
