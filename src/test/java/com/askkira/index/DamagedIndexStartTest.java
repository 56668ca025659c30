package com.askkira.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.askkira.corpus.Library;
import com.askkira.pipeline.SearchResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index is derived data: a damaged one is rebuilt from the corpus at start-up, never a reason
 * not to start. Each case builds a real index, cuts one of its files short, and starts Kira over it.
 */
class DamagedIndexStartTest {
    @TempDir
    Path corpus;

    @TempDir
    Path indexDir;

    @ParameterizedTest(name = "a truncated {0} file")
    @ValueSource(strings = {"segments_", ".si", ".cfs"})
    void should_rebuild_a_damaged_index_at_start_and_answer(String damaged) throws IOException {
        KiraConfig config = KiraConfig.fromEnvironment(Map.of(
                "KIRA_CORPUS_DIR", corpus.toString(),
                "KIRA_INDEX_DIR", indexDir.toString()));
        Library library = TinyLibrary.copiedTo(corpus);
        IndexBuilder builder = TinyLibrary.builder(Kira.embedder(config));
        builder.build(library, indexDir);
        TestKira.storeStartupVectorsIn(indexDir);
        Path file = truncate(indexDir, damaged);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Kira kira = Kira.start(config, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            List<SearchResult> results = kira.answers().search("Can my boss see my therapy notes?", 3);

            assertThat(results).isNotEmpty();
            assertThat(results.getFirst().text()).contains("boss cannot see your therapy notes");
        }
        String log = out.toString(StandardCharsets.UTF_8);
        assertThat(log.lines().filter(l -> l.contains("rebuilt")))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains(indexDir.toString())
                        .contains(file.getFileName().toString()));
    }

    /** Cuts the index file whose name contains {@code part} to half its length; returns it. */
    static Path truncate(Path indexDir, String part) throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(indexDir)) {
            file = files.filter(f -> f.getFileName().toString().contains(part))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + part + " file in " + indexDir));
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        return file;
    }
}
