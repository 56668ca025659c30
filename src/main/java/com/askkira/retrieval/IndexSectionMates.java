package com.askkira.retrieval;

import com.askkira.index.IndexedChunk;
import com.askkira.index.KiraIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * A section's chunks looked up by id in the index (a section's chunks are numbered from 0 without
 * gaps). Every answer widens six sections; the index keeps their doc ids and decoded chunks for its
 * current reader ({@link KiraIndex#sectionDocs}, {@link KiraIndex#chunkAt}), so reading them again
 * is a few map lookups, and a rebuilt index is read afresh.
 */
final class IndexSectionMates implements SectionMates {
    private final KiraIndex index;

    IndexSectionMates(KiraIndex index) {
        this.index = index;
    }

    @Override
    public List<Passage> of(Passage passage) {
        String own = passage.chunk().id();
        List<Passage> mates = new ArrayList<>();
        for (IndexedChunk chunk : chunks(passage.chunk().sectionKey())) {
            if (!chunk.chunk().id().equals(own)) {
                mates.add(new Passage(chunk, passage.score(), passage.bm25Rank(), passage.vectorRank()));
            }
        }
        return mates;
    }

    /** The chunks of {@code section}, in order. */
    private List<IndexedChunk> chunks(String section) {
        return index.withSearcher(searcher -> index.sectionDocs(searcher, section).stream()
                .map(doc -> index.chunkAt(searcher, doc))
                .toList());
    }
}
