package com.askkira.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.insights.AnswerRecord;
import com.askkira.insights.Insights;
import com.askkira.insights.InsightsReport;
import com.askkira.insights.RatingOutcome;
import com.askkira.privacy.PiiRedactor;
import com.askkira.store.TestDatabases.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store, the same cases on SQLite in a temporary folder and on a real PostgreSQL server (each
 * case runs once per kind): the schema from empty and from the previous version, retention,
 * one vote per answer, date ranges, and the insights file read in once.
 */
class StoreTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Insights insights(Store store) {
        return new Insights(new SameMeaningEmbedder(), new PiiRedactor(), store, CLOCK);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_create_every_table_from_an_empty_database(Kind kind) throws Exception {
        String url = TestDatabases.fresh(kind, dir);

        try (Store store = Store.open(url)) {
            assertThat(store.kind()).isEqualTo(kind.name().toLowerCase(java.util.Locale.ROOT));
        }

        assertThat(TestDatabases.tables(url))
                .containsExactly("answers", "cited_sections", "eval_runs", "feedback", "golden_additions", "imports");
        assertThat(TestDatabases.versions(url)).containsExactly("1", "2");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_migrate_a_database_of_the_previous_version_and_keep_its_rows(Kind kind) throws Exception {
        String url = TestDatabases.fresh(kind, dir);
        try (Store previous = Store.open(url, Optional.of("1"))) {
            Insights insights = insights(previous);
            insights.answered(new AnswerRecord(DAY, "ans_1", "not_covered", false, List.of(), "does lexapro help"));
            insights.answered(new AnswerRecord(DAY, "ans_2", null, false, List.of("Minors"), "can my mom read it"));
            insights.rated("ans_2", "down", "too vague");
        }
        assertThat(TestDatabases.versions(url)).containsExactly("1");
        assertThat(TestDatabases.tables(url)).doesNotContain("eval_runs", "golden_additions");

        try (Store current = Store.open(url)) {
            InsightsReport report = insights(current).report();
            assertThat(report.daily()).containsExactly(new InsightsReport.Day("2026-11-27", 2, 1, 0));
            assertThat(report.downVoted())
                    .containsExactly(new InsightsReport.DownVote("ans_2", "can my mom read it", "too vague"));
            current.saveRun(new EvalRunRow("run_1", 1L, 2L, "done", 3, "{}", "[]"));
            current.saveGoldenAddition(new GoldenAdditionRow("gold_1", 1L, "q", "slug#anchor", "[]", "ans_2"));
            assertThat(current.runs(5)).extracting(EvalRunRow::runId).containsExactly("run_1");
            assertThat(current.goldenAdditions())
                    .extracting(GoldenAdditionRow::additionId)
                    .containsExactly("gold_1");
        }
        assertThat(TestDatabases.versions(url)).containsExactly("1", "2");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_delete_readers_rows_older_than_the_retention_period(Kind kind) throws Exception {
        String url = TestDatabases.fresh(kind, dir);
        try (Store store = Store.open(url)) {
            LocalDate old = DAY.minusDays(31);
            Insights then = new Insights(
                    new SameMeaningEmbedder(),
                    new PiiRedactor(),
                    store,
                    Clock.fixed(old.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
            then.answered(new AnswerRecord(old, "ans_old", "not_covered", false, List.of("Minors"), "old q"));
            then.rated("ans_old", "down", "old comment");
            Insights insights = insights(store);
            insights.answered(new AnswerRecord(DAY.minusDays(30), "ans_edge", null, false, List.of("Minors"), "edge"));
            insights.answered(new AnswerRecord(DAY, "ans_new", null, false, List.of("Duty to Warn"), "new q"));
            insights.rated("ans_new", "down", "new comment");
            store.saveRun(new EvalRunRow("run_old", 0L, 1L, "done", 1, "{}", "[]"));

            int deleted = insights.enforceRetention(30);

            assertThat(deleted).isEqualTo(3);
            assertThat(TestDatabases.rows(url, "answers"))
                    .extracting(r -> r.get("answer_id"))
                    .containsExactlyInAnyOrder("ans_edge", "ans_new");
            assertThat(TestDatabases.rows(url, "cited_sections"))
                    .extracting(r -> r.get("answer_id"))
                    .containsExactlyInAnyOrder("ans_edge", "ans_new");
            assertThat(TestDatabases.rows(url, "feedback"))
                    .extracting(r -> r.get("answer_id"))
                    .containsExactly("ans_new");
            // The content team's own work is not a reader's data: retention leaves it.
            assertThat(TestDatabases.rows(url, "eval_runs")).hasSize(1);
            assertThat(insights.rated("ans_old", "up", null)).isEqualTo(RatingOutcome.UNKNOWN_ANSWER);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_take_one_vote_per_answer_and_none_on_an_answer_it_does_not_hold(Kind kind) {
        try (Store store = Store.open(TestDatabases.fresh(kind, dir))) {
            Insights insights = insights(store);
            insights.answered(new AnswerRecord(DAY, "ans_1", null, false, List.of("Minors"), "can my mom read it"));

            assertThat(insights.rated("ans_1", "down", "first")).isEqualTo(RatingOutcome.RECORDED);
            assertThat(insights.rated("ans_1", "up", null)).isEqualTo(RatingOutcome.ALREADY_RATED);
            assertThat(insights.rated("ans_made_up", "down", "spam")).isEqualTo(RatingOutcome.UNKNOWN_ANSWER);
            assertThat(insights.report().downVoted())
                    .containsExactly(new InsightsReport.DownVote("ans_1", "can my mom read it", "first"));
            assertThat(store.votes(DateRange.ALL)).isEqualTo(Map.of("down", 1L));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_report_only_the_days_of_the_range_asked(Kind kind) {
        try (Store store = Store.open(TestDatabases.fresh(kind, dir))) {
            Insights insights = insights(store);
            insights.answered(new AnswerRecord(DAY.minusDays(3), "ans_1", "out_of_scope", false, List.of(), "nda?"));
            insights.answered(new AnswerRecord(DAY.minusDays(1), "ans_2", null, true, List.of(), null));
            insights.answered(new AnswerRecord(DAY, "ans_3", null, false, List.of("Minors"), "q"));

            InsightsReport lastTwoDays = insights.report(new DateRange(DAY.minusDays(1), DAY));

            assertThat(lastTwoDays.daily())
                    .containsExactly(
                            new InsightsReport.Day("2026-11-26", 1, 0, 1),
                            new InsightsReport.Day("2026-11-27", 1, 0, 0));
            assertThat(lastTwoDays.abstentions()).containsEntry("out_of_scope", 0L);
            assertThat(insights.report().abstentions()).containsEntry("out_of_scope", 1L);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_read_an_insights_file_into_the_store_once(Kind kind) throws Exception {
        String url = TestDatabases.fresh(kind, dir);
        Path file = Files.writeString(dir.resolve("insights.jsonl"), """
                {"type":"answer","date":"2026-11-26","answerId":"ans_1","crisis":false,"abstainReason":"not_covered","question":"does lexapro cause weight gain"}
                {"type":"answer","date":"2026-11-26","answerId":"ans_2","crisis":true,"sections":[]}
                {"type":"down","date":"2026-11-26","answerId":"ans_1","question":"does lexapro cause weight gain","comment":"meh"}
                """);
        try (Store store = Store.open(url)) {
            insights(store).importFile(file);
        }
        try (Store again = Store.open(url)) {
            Insights insights = insights(again);
            insights.importFile(file);

            InsightsReport report = insights.report();
            assertThat(report.daily()).containsExactly(new InsightsReport.Day("2026-11-26", 2, 1, 1));
            assertThat(report.downVoted())
                    .containsExactly(new InsightsReport.DownVote("ans_1", "does lexapro cause weight gain", "meh"));
        }
        assertThat(TestDatabases.rows(url, "imports")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_open_again_after_losing_its_connection(Kind kind) throws Exception {
        String url = TestDatabases.fresh(kind, dir);
        try (Store store = Store.open(url)) {
            Insights insights = insights(store);
            insights.answered(new AnswerRecord(DAY, "ans_1", null, false, List.of(), "q"));
            if (kind == Kind.POSTGRESQL) {
                // What a server restart does to an open connection.
                try (Connection admin = DriverManager.getConnection(url);
                        Statement s = admin.createStatement()) {
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
                }
            }
            insights.answered(new AnswerRecord(DAY, "ans_2", null, false, List.of(), "q"));

            assertThat(insights.report().daily()).containsExactly(new InsightsReport.Day("2026-11-27", 2, 0, 0));
        }
    }

    /** Every question means the same thing: enough for grouping, with no model to load. */
    static final class SameMeaningEmbedder implements com.askkira.embedding.Embedder {
        @Override
        public String name() {
            return "same";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embedQuery(String text) {
            return new float[] {1, 0};
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            return texts.stream().map(this::embedQuery).toList();
        }
    }
}
