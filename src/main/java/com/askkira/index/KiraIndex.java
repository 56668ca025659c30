package com.askkira.index;

import com.askkira.cache.RecentResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The index held open read-only. Searches borrow a searcher from a {@link SearcherManager}; after
 * a rebuild, {@link #refresh()} swaps in the new commit while searches in flight finish on the old.
 */
public final class KiraIndex implements AutoCloseable {
    /**
     * Chunks kept decoded per reader: every search reads its candidates' stored fields (about a tenth
     * of a search's Java CPU on the shipped library) and every answer its sections' other chunks, and
     * the same chunks come back question after question. Bounded, so a library a hundred times larger
     * does not sit in memory whole.
     */
    private static final int CHUNKS = 4_096;

    private final Directory directory;
    private final SearcherManager searchers;
    private volatile ReaderCache cache = new ReaderCache(null, Map.of(), new RecentResults<>(1));

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
            return new KiraIndex(directory, new SearcherManager(directory, null));
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
     * The documents of a section's chunks, in order, in the searcher's reader. Looked up once per
     * reader: every search asks for a few sections (the questions asked before vote for them, the
     * answer quotes the rest of its best section), and a rebuilt index's doc ids are its own.
     */
    public List<Integer> sectionDocs(IndexSearcher searcher, String sectionKey) {
        return cacheFor(searcher).sectionDocs().computeIfAbsent(sectionKey, key -> lookUpSection(searcher, key));
    }

    private ReaderCache cacheFor(IndexSearcher searcher) {
        ReaderCache known = cache;
        if (known.reader() != searcher.getIndexReader()) {
            known = new ReaderCache(searcher.getIndexReader(), new ConcurrentHashMap<>(), new RecentResults<>(CHUNKS));
            cache = known;
        }
        return known;
    }

    /** A chunk's id is its section key, a dash and its number, counted from 0 without gaps. */
    private static List<Integer> lookUpSection(IndexSearcher searcher, String sectionKey) {
        try {
            List<Integer> docs = new ArrayList<>();
            for (int n = 0; ; n++) {
                TopDocs hit = searcher.search(new TermQuery(new Term(IndexFields.ID, sectionKey + "-" + n)), 1);
                if (hit.scoreDocs.length == 0) {
                    return List.copyOf(docs);
                }
                docs.add(hit.scoreDocs[0].doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed", e);
        }
    }

    /** What is read once from the one reader it belongs to: sections' doc ids, and decoded chunks. */
    private record ReaderCache(
            IndexReader reader, Map<String, List<Integer>> sectionDocs, RecentResults<Integer, IndexedChunk> chunks) {}

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
