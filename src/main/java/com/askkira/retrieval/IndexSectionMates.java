package com.askkira.retrieval;

import com.askkira.index.IndexedChunk;
import com.askkira.index.KiraIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A section's chunks looked up by id in the index (a section's chunks are numbered from 0 without
 * gaps), and the last {@value #SECTIONS} sections read kept until the index changes: every answer
 * widens six sections, and reading their chunks again cost about 0.6 ms an answer (ten chunks with
 * their sentence vectors), against a map lookup. Bounded, so that a library a hundred times larger
 * keeps only the sections being asked about.
 */
final class IndexSectionMates implements SectionMates {
    private static final int SECTIONS = 512;

    private final KiraIndex index;
    private final Map<String, List<IndexedChunk>> sections = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<IndexedChunk>> eldest) {
            return size() > SECTIONS;
        }
    };
    private long generation = -1;

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
        long current = index.generation();
        synchronized (sections) {
            if (generation != current) {
                sections.clear();
                generation = current;
            }
            List<IndexedChunk> known = sections.get(section);
            if (known != null) {
                return known;
            }
        }
        List<IndexedChunk> read = index.withSearcher(searcher -> {
            List<IndexedChunk> out = new ArrayList<>();
            for (int doc : index.sectionDocs(searcher, section)) {
                out.add(index.chunkAt(searcher, doc));
            }
            return List.copyOf(out);
        });
        synchronized (sections) {
            if (generation == current) {
                sections.put(section, read);
            }
        }
        return read;
    }
}
