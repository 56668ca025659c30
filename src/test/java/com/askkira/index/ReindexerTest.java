package com.askkira.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.askkira.corpus.InvalidDocumentException;
import com.askkira.corpus.Library;
import com.askkira.embedding.Embedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-indexing a server that keeps answering: one at a time, within a time limit, never half-written. */
class ReindexerTest {
    @TempDir
    Path corpus;

    @TempDir
    Path indexDir;

    private final GatedEmbedder embedder = new GatedEmbedder();
    private Library library;
    private IndexBuilder builder;

    @BeforeEach
    void tinyLibrary() throws IOException {
        library = TinyLibrary.copiedTo(corpus);
        builder = TinyLibrary.builder(embedder);
        builder.build(library, indexDir);
    }

    @Test
    void should_refuse_a_second_reindex_while_one_runs_and_take_the_next_one() throws Exception {
        Reindexer reindexer = new Reindexer(Duration.ofMinutes(5));
        try (KiraIndex index = KiraIndex.open(indexDir)) {
            embedder.gate();
            CompletableFuture<IndexBuilder.BuildReport> first =
                    CompletableFuture.supplyAsync(() -> reindexer.reindex(builder, library, indexDir, index));
            assertThat(embedder.entered.await(30, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> reindexer.reindex(builder, library, indexDir, index))
                    .isInstanceOf(ReindexException.AlreadyRunning.class)
                    .hasMessageContaining("already running");

            embedder.release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).chunks()).isPositive();
            assertThat(reindexer.reindex(builder, library, indexDir, index).chunks())
                    .isPositive();
        }
    }

    @Test
    void should_stop_a_reindex_past_its_time_limit_and_keep_the_index_in_service() throws Exception {
        Reindexer reindexer = new Reindexer(Duration.ofMillis(1));
        try (KiraIndex index = KiraIndex.open(indexDir)) {
            int before = documents(index);
            Files.writeString(
                    corpus.resolve("second.md"),
                    Files.readString(corpus.resolve("tiny-article.md")).replace("slug: tiny-article", "slug: second"));
            embedder.delayEachCall();

            assertThatThrownBy(() -> reindexer.reindex(builder, library, indexDir, index))
                    .isInstanceOf(ReindexException.TimedOut.class)
                    .hasMessageContaining("unchanged");

            index.refresh();
            assertThat(documents(index)).isEqualTo(before);
            assertThat(IndexOpener.damage(indexDir)).isEmpty();
            embedder.noDelay();
            assertThat(new Reindexer(Duration.ofMinutes(5))
                            .reindex(builder, library, indexDir, index)
                            .documents())
                    .isEqualTo(2);
        }
    }

    @Test
    void should_refuse_a_document_over_the_size_limit_before_embedding_anything() throws Exception {
        Reindexer reindexer = new Reindexer(Duration.ofMinutes(5));
        Path huge = corpus.resolve("huge.md");
        Files.writeString(
                huge, Files.readString(corpus.resolve("tiny-article.md")).replace("slug: tiny-article", "slug: huge"));
        Files.writeString(
                huge, "Filler sentence.\n\n".repeat(5 * 1024 * 1024 / 18), java.nio.file.StandardOpenOption.APPEND);
        int calls = embedder.calls.get();
        try (KiraIndex index = KiraIndex.open(indexDir)) {
            assertThatThrownBy(() -> reindexer.reindex(builder, library, indexDir, index))
                    .isInstanceOf(InvalidDocumentException.class)
                    .hasMessageContaining("huge.md")
                    .hasMessageContaining("256 KB");
        }
        assertThat(embedder.calls.get()).isEqualTo(calls);
    }

    private static int documents(KiraIndex index) {
        return index.withSearcher(s -> s.count(new MatchAllDocsQuery()));
    }

    /** A tiny deterministic embedder that can be made to wait inside a call, or to take its time. */
    static final class GatedEmbedder implements Embedder {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        private volatile boolean gated;
        private volatile boolean slow;

        void gate() {
            gated = true;
        }

        void delayEachCall() {
            slow = true;
        }

        void noDelay() {
            slow = false;
        }

        @Override
        public String name() {
            return "gated-test-embedder";
        }

        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public float[] embedQuery(String text) {
            float[] v = new float[8];
            for (int i = 0; i < text.length(); i++) {
                v[(text.charAt(i) + i) % 8] += 1;
            }
            v[0] += 1;
            return Embedder.normalized(v);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            calls.incrementAndGet();
            try {
                if (gated) {
                    entered.countDown();
                    release.await();
                }
                if (slow) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return texts.stream().map(this::embedQuery).toList();
        }
    }
}
