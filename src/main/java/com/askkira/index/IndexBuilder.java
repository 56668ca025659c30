package com.askkira.index;

import com.askkira.corpus.Chunk;
import com.askkira.corpus.Chunker;
import com.askkira.corpus.Library;
import com.askkira.corpus.LibraryDocument;
import com.askkira.corpus.Sentence;
import com.askkira.embedding.Embedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Builds the index from the library: chunks, their analysed fields, and their embeddings. */
public final class IndexBuilder {
    /** Texts per call to the embedder: the unit of work between two looks at the time limit. */
    private static final int EMBEDDING_BATCH = 64;

    private final Chunker chunker;
    private final Embedder embedder;

    public IndexBuilder(Chunker chunker, Embedder embedder) {
        this.chunker = chunker;
        this.embedder = embedder;
    }

    /** What a build wrote. */
    public record BuildReport(int documents, int chunks, long millis) {}

    /**
     * Replaces the index in {@code indexDir} in one commit. Readers open on the old commit keep
     * working; a {@link KiraIndex#refresh()} swaps them to the new one.
     */
    public BuildReport build(Library library, Path indexDir) {
        return build(library, indexDir, new Deadline(System.nanoTime(), Optional.empty()));
    }

    /**
     * Like {@link #build(Library, Path)}, but stops with {@link ReindexException.TimedOut} once
     * {@code timeLimit} has passed. The limit is checked between batches of work, all of which come
     * before the index is written, so a build that stops leaves the last index as it was.
     */
    public BuildReport build(Library library, Path indexDir, Duration timeLimit) {
        return build(library, indexDir, new Deadline(System.nanoTime(), Optional.of(timeLimit)));
    }

    private BuildReport build(Library library, Path indexDir, Deadline deadline) {
        long start = System.nanoTime();
        String fingerprint = library.fingerprint();
        List<LibraryDocument> documents = library.documents();
        List<Chunk> chunks = new ArrayList<>();
        documents.forEach(d -> chunks.addAll(chunker.chunk(d)));

        List<float[]> chunkVectors =
                embedPassages(chunks.stream().map(IndexBuilder::embeddingText).toList(), deadline);
        List<String> sentences = chunks.stream()
                .flatMap(c -> c.sentences().stream())
                .map(Sentence::text)
                .toList();
        List<float[]> sentenceVectors = embedPassages(sentences, deadline);
        float[] generality = generality(sentenceVectors, deadline);
        deadline.check();
        Map<String, String> sectionTexts = new HashMap<>();
        Map<String, float[]> sectionVectors = new HashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            sectionTexts.merge(
                    chunk.sectionKey(),
                    String.join(". ", chunk.headingPath()) + "\n" + chunk.text(),
                    (a, b) -> a + "\n" + chunk.text());
            float[] v = chunkVectors.get(i);
            sectionVectors.merge(chunk.sectionKey(), v.clone(), (sum, x) -> {
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += x[d];
                }
                return sum;
            });
        }
        sectionVectors.replaceAll((section, sum) -> Embedder.normalized(sum));

        try {
            Files.createDirectories(indexDir);
            try (Directory dir = FSDirectory.open(indexDir);
                    IndexWriter writer = new IndexWriter(dir, writerConfig())) {
                int next = 0;
                for (int i = 0; i < chunks.size(); i++) {
                    Chunk chunk = chunks.get(i);
                    int count = chunk.sentences().size();
                    writer.addDocument(ChunkCodec.toDocument(
                            chunk,
                            chunkVectors.get(i),
                            sentenceVectors.subList(next, next + count),
                            asList(generality, next, next + count),
                            sectionTexts.get(chunk.sectionKey()),
                            sectionVectors.get(chunk.sectionKey())));
                    next += count;
                }
                writer.setLiveCommitData(Map.of(
                                IndexFields.COMMIT_SCHEMA, IndexFields.SCHEMA_VERSION,
                                IndexFields.COMMIT_CORPUS, fingerprint,
                                IndexFields.COMMIT_EMBEDDER, embedder.name(),
                                IndexFields.COMMIT_BUILT_AT, Instant.now().toString(),
                                IndexFields.COMMIT_CHUNKS, Integer.toString(chunks.size()))
                        .entrySet());
                writer.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write index " + indexDir, e);
        }
        return new BuildReport(documents.size(), chunks.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Why the index in {@code indexDir} must be rebuilt, or empty when it matches the library. */
    public Optional<String> staleness(Library library, Path indexDir) {
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!Files.isDirectory(indexDir) || !DirectoryReader.indexExists(dir)) {
                return Optional.of("no index yet");
            }
            Map<String, String> data = KiraIndex.commitData(dir);
            if (!IndexFields.SCHEMA_VERSION.equals(data.get(IndexFields.COMMIT_SCHEMA))) {
                return Optional.of("index schema changed");
            }
            if (!embedder.name().equals(data.get(IndexFields.COMMIT_EMBEDDER))) {
                return Optional.of("embedding model changed");
            }
            if (!library.fingerprint().equals(data.get(IndexFields.COMMIT_CORPUS))) {
                return Optional.of("corpus changed since the index was built");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("index unreadable (" + e.getMessage() + ")");
        }
    }

    /** The heading path travels with the text: a chunk is found by what its section is about. */
    static String embeddingText(Chunk chunk) {
        return chunk.title() + ". " + String.join(". ", chunk.headingPath()) + ".\n" + chunk.text();
    }

    /**
     * Embeds in batches, a core each (the model runs one thread a call), so that a build over its
     * time limit stops within one batch.
     */
    private List<float[]> embedPassages(List<String> texts, Deadline deadline) {
        ExecutorService cores =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<List<float[]>>> batches = new ArrayList<>();
            for (int from = 0; from < texts.size(); from += EMBEDDING_BATCH) {
                List<String> batch = texts.subList(from, Math.min(texts.size(), from + EMBEDDING_BATCH));
                batches.add(cores.submit(() -> {
                    deadline.check();
                    return embedder.embedPassages(batch);
                }));
            }
            List<float[]> vectors = new ArrayList<>(texts.size());
            for (Future<List<float[]>> batch : batches) {
                vectors.addAll(batch.get());
            }
            return vectors;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding the library", e);
        } finally {
            // A batch that failed (the time limit) leaves the rest unstarted.
            cores.shutdownNow();
        }
    }

    /** For each sentence, the mean similarity to its ten closest other sentences in the library. */
    static float[] generality(List<float[]> vectors) {
        return generality(vectors, new Deadline(System.nanoTime(), Optional.empty()));
    }

    /**
     * Every sentence is compared with every other, so this grows with the square of the library (about
     * 10^9 dot products at 100 times the shipped one); each row keeps only its ten largest similarities
     * instead of sorting them all, and rows are shared among the cores. The sums are those of the full
     * sort: the same values, added in the same (ascending) order.
     */
    private static float[] generality(List<float[]> vectors, Deadline deadline) {
        int neighbours = Math.min(10, Math.max(1, vectors.size() - 1));
        float[] out = new float[vectors.size()];
        if (vectors.size() < 2) {
            return out;
        }
        AtomicInteger rows = new AtomicInteger();
        IntStream.range(0, vectors.size()).parallel().forEach(i -> {
            if (rows.incrementAndGet() % 256 == 0) {
                deadline.check();
            }
            float[] top = new float[neighbours];
            int kept = 0;
            float[] v = vectors.get(i);
            for (int j = 0; j < vectors.size(); j++) {
                float similarity = i == j ? -1 : Embedder.dot(v, vectors.get(j));
                if (kept < neighbours) {
                    kept = keep(top, kept, similarity);
                } else if (Float.compare(similarity, top[0]) > 0) {
                    // Drop the smallest kept (top[0]), then place the new one in order.
                    System.arraycopy(top, 1, top, 0, neighbours - 1);
                    keep(top, neighbours - 1, similarity);
                }
            }
            float sum = 0;
            for (float similarity : top) {
                sum += similarity;
            }
            out[i] = sum / neighbours;
        });
        return out;
    }

    /** Inserts {@code value} into the first {@code kept} of {@code top}, kept ascending as Arrays.sort orders floats. */
    private static int keep(float[] top, int kept, float value) {
        int at = kept;
        while (at > 0 && Float.compare(top[at - 1], value) > 0) {
            top[at] = top[at - 1];
            at--;
        }
        top[at] = value;
        return kept + 1;
    }

    /** When a build must give up: {@code limit} after {@code startNanos}, or never. */
    private record Deadline(long startNanos, Optional<Duration> limit) {
        void check() {
            if (limit.isPresent()
                    && System.nanoTime() - startNanos > limit.get().toNanos()) {
                throw new ReindexException.TimedOut(limit.get());
            }
        }
    }

    private static List<Float> asList(float[] values, int from, int to) {
        List<Float> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(values[i]);
        }
        return out;
    }

    private static IndexWriterConfig writerConfig() {
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }
        };
        Analyzer analyzer = new PerFieldAnalyzerWrapper(KiraAnalyzer.forIndexing(), Map.of(IndexFields.SPELL, words));
        // Without an explicit commit nothing is kept: a build that fails half-way leaves the last index in place.
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setCommitOnClose(false);
    }
}
