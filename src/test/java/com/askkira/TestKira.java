package com.askkira;

import com.askkira.config.KiraConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
