package com.askkira.retrieval;

import com.askkira.index.IndexFields;
import com.askkira.index.KiraIndex;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

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

    /** Looked up by id in {@code index}: a section's chunks are numbered from 0 without gaps. */
    static SectionMates in(KiraIndex index) {
        return passage -> index.withSearcher(searcher -> {
            String own = passage.chunk().id();
            String section = own.substring(0, own.lastIndexOf('-') + 1);
            List<Passage> mates = new ArrayList<>();
            for (int n = 0; ; n++) {
                TopDocs hit = searcher.search(new TermQuery(new Term(IndexFields.ID, section + n)), 1);
                if (hit.scoreDocs.length == 0) {
                    return mates;
                }
                if (!(section + n).equals(own)) {
                    mates.add(new Passage(
                            KiraIndex.chunkAt(searcher, hit.scoreDocs[0].doc),
                            passage.score(),
                            passage.bm25Rank(),
                            passage.vectorRank()));
                }
            }
        });
    }
}
