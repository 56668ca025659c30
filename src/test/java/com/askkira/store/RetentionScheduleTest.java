package com.askkira.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.askkira.insights.AnswerRecord;
import com.askkira.insights.Insights;
import com.askkira.privacy.PiiRedactor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kira enforces retention by itself: rows past KIRA_RETENTION_DAYS are gone soon after it starts. */
class RetentionScheduleTest {
    @TempDir
    Path dir;

    @Test
    void should_delete_rows_past_the_retention_period_once_kira_has_started() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("kira.db");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Store store = Store.open(url)) {
            Insights insights =
                    new Insights(new StoreTest.SameMeaningEmbedder(), new PiiRedactor(), store, Clock.systemUTC());
            insights.answered(new AnswerRecord(today.minusDays(8), "ans_old", "not_covered", false, List.of(), "old"));
            insights.answered(new AnswerRecord(today, "ans_new", "not_covered", false, List.of(), "new"));
        }
        TestKira.shared();

        try (Kira kira = Kira.start(
                KiraConfig.fromEnvironment(Map.of(
                        "KIRA_CORPUS_DIR",
                        TestKira.sharedConfig().corpusDir().toString(),
                        "KIRA_INDEX_DIR",
                        TestKira.sharedConfig().indexDir().toString(),
                        "KIRA_DB_URL",
                        url,
                        "KIRA_RETENTION_DAYS",
                        "7")),
                new PrintStream(PrintStream.nullOutputStream()))) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (TestDatabases.rows(url, "answers").size() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        assertThat(TestDatabases.rows(url, "answers"))
                .extracting(r -> r.get("answer_id"))
                .containsExactly("ans_new");
    }
}
