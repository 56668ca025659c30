package com.askkira;

import com.askkira.config.KiraConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * One Kira over the real corpus for the whole test run, with its index built in a temporary
 * folder: tests read it, none writes it.
 */
public final class TestKira {
    private static Kira kira;
    private static KiraConfig sharedConfig;

    private TestKira() {}

    public static synchronized Kira shared() {
        if (kira == null) {
            kira = Kira.start(sharedConfig(), new PrintStream(PrintStream.nullOutputStream()));
        }
        return kira;
    }

    /** The shared Kira's configuration: its corpus and its index, already built. */
    public static synchronized KiraConfig sharedConfig() {
        if (sharedConfig == null) {
            sharedConfig = config();
        }
        return sharedConfig;
    }

    /**
     * Gives {@code indexDir} the vectors of the fixed texts every start embeds (the crisis screen's
     * examples, the labelled questions, the field's topics), as the {@code index} command stores
     * them: a test that starts Kira over a fresh index skips half a minute of embedding them again.
     */
    public static void storeStartupVectorsIn(Path indexDir) {
        shared(); // its start stored them in the shared index
        Path stored = sharedConfig().indexDir().resolve(Kira.RESOURCE_VECTORS);
        try {
            Files.createDirectories(indexDir);
            Files.copy(stored, indexDir.resolve(Kira.RESOURCE_VECTORS), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KiraConfig config() {
        try {
            Path index = Files.createTempDirectory("kira-test-index");
            Path data = Files.createTempDirectory("kira-test-data");
            return KiraConfig.fromEnvironment(Map.of(
                    "KIRA_CORPUS_DIR", Path.of("corpus").toAbsolutePath().toString(),
                    "KIRA_INDEX_DIR", index.toString(),
                    "KIRA_DB_URL", "jdbc:sqlite:" + data.resolve("kira.db")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
