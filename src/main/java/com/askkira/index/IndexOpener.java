package com.askkira.index;

import com.askkira.corpus.Library;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Opens the index at start-up, building it first when it is missing or stale and rebuilding it
 * when it is damaged. The index is derived data: whatever is wrong with the files on disk, the
 * corpus can make them again, so a damaged index is a reason to rebuild, never a reason not to start.
 */
public final class IndexOpener {
    private static final int MAX_REASON_CHARS = 300;

    private IndexOpener() {}

    /**
     * An open index in {@code indexDir} that matches {@code library} and whose every segment has
     * been read through. Any build happens in a fresh folder whose files then replace the old ones,
     * because a writer opened over damaged files fails on them.
     */
    public static KiraIndex openOrRebuild(IndexBuilder builder, Library library, Path indexDir, PrintStream log) {
        return openOrRebuild(builder, library, indexDir, log, () -> {});
    }

    /**
     * As {@link #openOrRebuild(IndexBuilder, Library, Path, PrintStream)}, with {@code beforeBuilding}
     * run before any build starts: what it throws stops the open there. Kira checks and opens an index
     * while its store opens, and waits there for the store: a database that cannot be opened stops the
     * start before any build.
     */
    public static KiraIndex openOrRebuild(
            IndexBuilder builder, Library library, Path indexDir, PrintStream log, Runnable beforeBuilding) {
        Optional<String> damage = exists(indexDir) ? damage(indexDir) : Optional.empty();
        if (damage.isEmpty()) {
            Optional<String> stale = builder.staleness(library, indexDir);
            if (stale.isPresent()) {
                beforeBuilding.run();
                log.println("Building the index (" + stale.get() + ")…");
                IndexBuilder.BuildReport report = rebuild(builder, library, indexDir);
                log.printf(
                        "Indexed %d documents as %d chunks in %d ms.%n",
                        report.documents(), report.chunks(), report.millis());
                return KiraIndex.open(indexDir);
            }
            try {
                return KiraIndex.open(indexDir);
            } catch (RuntimeException e) {
                damage = Optional.of(describe(e));
            }
        }
        beforeBuilding.run();
        IndexBuilder.BuildReport report = rebuild(builder, library, indexDir);
        log.printf(
                "The index in %s could not be used (%s); rebuilt it from the corpus in a fresh folder: %d documents"
                        + " as %d chunks in %d ms.%n",
                indexDir, damage.get(), report.documents(), report.chunks(), report.millis());
        return KiraIndex.open(indexDir);
    }

    private static boolean exists(Path indexDir) {
        if (!Files.isDirectory(indexDir)) {
            return false;
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            return DirectoryReader.indexExists(dir);
        } catch (IOException e) {
            return true; // there is something, and it cannot be read: damage() says what
        }
    }

    /**
     * What is wrong with the index in {@code indexDir}, or empty when every file of every segment
     * passes its checksum and the commit holds the chunks it says it holds. Reads the whole index
     * once: small next to a build, and it catches what opening alone does not (a file cut short past
     * its header).
     */
    static Optional<String> damage(Path indexDir) {
        try (Directory dir = FSDirectory.open(indexDir);
                DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
            Map<String, String> data = reader.getIndexCommit().getUserData();
            String chunks = data.getOrDefault(IndexFields.COMMIT_CHUNKS, "");
            if (!chunks.equals(Integer.toString(reader.numDocs()))) {
                return Optional.of("the commit names " + chunks + " chunks but holds " + reader.numDocs());
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(describe(e));
        }
    }

    /** Builds the index in a new folder beside {@code indexDir}, then moves its files in. */
    static IndexBuilder.BuildReport rebuild(IndexBuilder builder, Library library, Path indexDir) {
        Path absolute = indexDir.toAbsolutePath();
        Path fresh = null;
        try {
            Files.createDirectories(absolute);
            fresh = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".rebuild-");
            IndexBuilder.BuildReport report = builder.build(library, fresh);
            replaceIndexFiles(fresh, absolute);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild the index in " + indexDir, e);
        } finally {
            if (fresh != null) {
                deleteQuietly(fresh);
            }
        }
    }

    /**
     * Removes Lucene's files from {@code target} (anything else there, such as a README, stays) and
     * moves in those of {@code source}, the commit point last: a crash half-way leaves no commit,
     * which the next start reads as "no index yet" and builds again.
     */
    private static void replaceIndexFiles(Path source, Path target) throws IOException {
        for (Path old : indexFiles(target)) {
            Files.delete(old);
        }
        List<Path> incoming = new ArrayList<>(indexFiles(source));
        incoming.sort(Comparator.comparing((Path f) -> isCommitPoint(f)));
        for (Path file : incoming) {
            Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static List<Path> indexFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> isIndexFile(f.getFileName().toString()))
                    .toList();
        }
    }

    private static boolean isIndexFile(String name) {
        return name.startsWith(IndexFileNames.SEGMENTS)
                || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
                || name.equals("write.lock")
                || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
    }

    private static boolean isCommitPoint(Path file) {
        return file.getFileName().toString().startsWith(IndexFileNames.SEGMENTS);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A leftover build folder costs disk space, not correctness.
        }
    }

    /** The failure as one short line: its kind and Lucene's message, which names the file. */
    private static String describe(Throwable e) {
        Throwable shown = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = shown.getMessage() == null
                ? ""
                : ": " + shown.getMessage().lines().findFirst().orElse("");
        String line = shown.getClass().getSimpleName() + message;
        return line.length() > MAX_REASON_CHARS ? line.substring(0, MAX_REASON_CHARS) + "…" : line;
    }
}
