package com.askkira.index;

import com.askkira.cache.RecentResults;
import com.askkira.corpus.Chunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * The index held open read-only. Searches borrow a searcher from a {@link SearcherManager}; after
 * a rebuild, {@link #refresh()} swaps in the new commit while searches in flight finish on the old.
 */
public final class KiraIndex implements AutoCloseable {
    /**
     * Chunks kept decoded per reader: every search decodes the passages it returns and every answer
     * its sections' other chunks, and the same chunks come back question after question. Bounded, so
     * a library a hundred times larger does not sit in memory whole.
     */
    private static final int CHUNKS = 4_096;

    private final Directory directory;
    private final SearcherManager searchers;
    private volatile ReaderCache cache = new ReaderCache(null, Sections.NONE, new RecentResults<>(1));

    private KiraIndex(Directory directory, SearcherManager searchers) {
        this.directory = directory;
        this.searchers = searchers;
    }

    public static KiraIndex open(Path indexDir) {
        try {
            Directory directory = FSDirectory.open(indexDir);
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                throw new IllegalStateException("no index in " + indexDir.toAbsolutePath() + "; run 'index' first");
            }
            KiraIndex index = new KiraIndex(directory, new SearcherManager(directory, null));
            index.readSections();
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index " + indexDir, e);
        }
    }

    /** Work with a searcher that stays valid for the whole call, even across a swap. */
    public <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed", e);
        }
    }

    /** Picks up the newest commit (after a rebuild) for the searches that start from now on. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("index refresh failed", e);
        }
        readSections();
    }

    /** The current reader's sections, read now rather than by the first search that needs them. */
    private void readSections() {
        withSearcher(searcher -> cacheFor(searcher));
    }

    /**
     * The commit generation that searches use now: it grows with every rebuild swapped in. Fails
     * when the index is closed.
     */
    public long generation() {
        return withSearcher(searcher ->
                ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getGeneration());
    }

    /** The chunk stored as document {@code docId} of the searcher's reader, decoded once per reader. */
    public IndexedChunk chunkAt(IndexSearcher searcher, int docId) {
        return cacheFor(searcher).chunks().get(docId, doc -> {
            try {
                return ChunkCodec.fromDocument(searcher.storedFields().document(doc));
            } catch (IOException e) {
                throw new UncheckedIOException("index read failed", e);
            }
        });
    }

    /**
     * The documents of a section's chunks, in order, in the searcher's reader (none for a section it
     * does not hold). Every search asks for a few sections (the questions asked before vote for them,
     * the answer quotes the rest of its best section), and a rebuilt index's doc ids are its own.
     */
    public List<Integer> sectionDocs(IndexSearcher searcher, String sectionKey) {
        return cacheFor(searcher).sections().docs().getOrDefault(sectionKey, List.of());
    }

    /** The section key of document {@code docId} of the searcher's reader. */
    public String sectionOf(IndexSearcher searcher, int docId) {
        return cacheFor(searcher).sections().ofDoc()[docId];
    }

    private ReaderCache cacheFor(IndexSearcher searcher) {
        ReaderCache known = cache;
        if (known.reader() != searcher.getIndexReader()) {
            known = new ReaderCache(
                    searcher.getIndexReader(), Sections.of(searcher.getIndexReader()), new RecentResults<>(CHUNKS));
            cache = known;
        }
        return known;
    }

    /**
     * Which section each document belongs to, and each section's documents in chunk order: read once
     * per reader from the chunks' ids (a section key, a dash and the chunk's number, counted from 0
     * without gaps), so that ranking candidates by section needs no stored fields at search time.
     */
    private record Sections(String[] ofDoc, Map<String, List<Integer>> docs) {
        static final Sections NONE = new Sections(new String[0], Map.of());

        static Sections of(IndexReader reader) {
            try {
                StoredFields stored = reader.storedFields();
                Bits live = MultiBits.getLiveDocs(reader);
                String[] ofDoc = new String[reader.maxDoc()];
                Map<String, TreeMap<Integer, Integer>> numbered = new HashMap<>();
                for (int doc = 0; doc < ofDoc.length; doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    String id = stored.document(doc, Set.of(IndexFields.ID)).get(IndexFields.ID);
                    ofDoc[doc] = Chunk.sectionKeyOf(id);
                    numbered.computeIfAbsent(ofDoc[doc], key -> new TreeMap<>())
                            .put(Integer.parseInt(id.substring(ofDoc[doc].length() + 1)), doc);
                }
                Map<String, List<Integer>> docs = new HashMap<>();
                numbered.forEach((section, byNumber) -> docs.put(section, List.copyOf(byNumber.values())));
                return new Sections(ofDoc, Map.copyOf(docs));
            } catch (IOException e) {
                throw new UncheckedIOException("index read failed", e);
            }
        }
    }

    /** What is read once from the one reader it belongs to: its sections, and decoded chunks. */
    private record ReaderCache(IndexReader reader, Sections sections, RecentResults<Integer, IndexedChunk> chunks) {}

    public Map<String, String> commitData() {
        try {
            return commitData(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read index commit", e);
        }
    }

    static Map<String, String> commitData(Directory directory) throws IOException {
        return SegmentInfos.readLatestCommit(directory).getUserData();
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            searchers.close();
        }
    }

    /** A function of a searcher that may fail with an I/O error. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
