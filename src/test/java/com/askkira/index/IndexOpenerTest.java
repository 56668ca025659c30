package com.askkira.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.askkira.corpus.Library;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening the index at start-up: a sound one as it is, a missing or damaged one rebuilt beside it. */
class IndexOpenerTest {
    private static Embedder embedder;

    @TempDir
    Path corpus;

    @TempDir
    Path parent;

    private Path indexDir;
    private Library library;
    private IndexBuilder builder;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void loadModel() {
        embedder = EmbeddingModels.load(EmbeddingModels.MINILM);
    }

    @BeforeEach
    void tinyLibrary() throws IOException {
        library = TinyLibrary.copiedTo(corpus);
        builder = TinyLibrary.builder(embedder);
        indexDir = parent.resolve("index");
    }

    @Test
    void should_build_a_missing_index_and_open_it() {
        try (KiraIndex index = IndexOpener.openOrRebuild(builder, library, indexDir, log)) {
            assertThat(documents(index)).isPositive();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Building the index (no index yet)");
        assertThat(parent)
                .isDirectoryNotContaining(p -> p.getFileName().toString().contains(".rebuild-"));
    }

    @Test
    void should_open_a_sound_index_as_it_is() throws IOException {
        builder.build(library, indexDir);
        long built = Files.getLastModifiedTime(segmentsFile()).toMillis();

        try (KiraIndex index = IndexOpener.openOrRebuild(builder, library, indexDir, log)) {
            assertThat(documents(index)).isPositive();
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.getLastModifiedTime(segmentsFile()).toMillis()).isEqualTo(built);
    }

    @ParameterizedTest(name = "a truncated {0} file")
    @ValueSource(strings = {"segments_", ".si", ".cfs"})
    void should_rebuild_a_damaged_index_in_a_fresh_folder_and_keep_what_is_not_lucene(String damaged)
            throws IOException {
        builder.build(library, indexDir);
        Files.writeString(indexDir.resolve("README.md"), "# index/\n");
        Path file = DamagedIndexStartTest.truncate(indexDir, damaged);
        assertThat(IndexOpener.damage(indexDir)).isPresent();

        try (KiraIndex index = IndexOpener.openOrRebuild(builder, library, indexDir, log)) {
            assertThat(documents(index)).isPositive();
        }

        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("could not be used")
                        .contains(file.getFileName().toString())
                        .contains("rebuilt it from the corpus"));
        assertThat(IndexOpener.damage(indexDir)).isEmpty();
        assertThat(indexDir.resolve("README.md")).hasContent("# index/");
        assertThat(parent)
                .isDirectoryNotContaining(p -> p.getFileName().toString().contains(".rebuild-"));
    }

    @Test
    void should_rebuild_an_index_whose_files_are_all_missing_but_the_commit() throws IOException {
        builder.build(library, indexDir);
        try (Stream<Path> files = Files.list(indexDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("_"))
                    .toList()) {
                Files.delete(f);
            }
        }

        try (KiraIndex index = IndexOpener.openOrRebuild(builder, library, indexDir, log)) {
            assertThat(documents(index)).isPositive();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rebuilt it from the corpus");
    }

    @Test
    void should_build_nothing_when_what_must_come_before_a_build_fails() throws IOException {
        Files.createDirectories(indexDir);

        assertThatThrownBy(() -> IndexOpener.openOrRebuild(builder, library, indexDir, log, () -> {
                    throw new IllegalStateException("the store cannot be opened");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the store cannot be opened");

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Building the index");
        assertThat(indexDir).isEmptyDirectory();
        assertThat(parent)
                .isDirectoryNotContaining(p -> p.getFileName().toString().contains(".rebuild-"));
    }

    @Test
    void should_open_a_sound_index_without_waiting_for_what_comes_before_a_build() throws IOException {
        builder.build(library, indexDir);
        AtomicInteger waits = new AtomicInteger();

        try (KiraIndex index = IndexOpener.openOrRebuild(builder, library, indexDir, log, waits::incrementAndGet)) {
            assertThat(documents(index)).isPositive();
        }

        assertThat(waits).hasValue(0);
    }

    @Test
    void should_run_what_comes_before_a_build_before_rebuilding_a_damaged_index() throws IOException {
        builder.build(library, indexDir);
        DamagedIndexStartTest.truncate(indexDir, ".cfs");
        AtomicInteger waits = new AtomicInteger();

        try (KiraIndex index = IndexOpener.openOrRebuild(builder, library, indexDir, log, waits::incrementAndGet)) {
            assertThat(documents(index)).isPositive();
        }

        assertThat(waits).hasValue(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rebuilt it from the corpus");
    }

    private static int documents(KiraIndex index) {
        return index.withSearcher(s -> s.count(new MatchAllDocsQuery()));
    }

    private Path segmentsFile() throws IOException {
        try (Stream<Path> files = Files.list(indexDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("segments_"))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
