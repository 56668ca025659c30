package com.askkira.store;

import com.askkira.config.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind the insights and the workbench, over one JDBC connection (SQLite allows one
 * writer anyway; the rows are small and written once per answer). Opening it migrates the schema
 * to the newest version. A connection lost (a PostgreSQL restart) is opened again on the next call.
 * The SQL is the subset SQLite and PostgreSQL share: text days ({@code yyyy-mm-dd}, which sort as
 * dates), epoch milliseconds, and {@code ON CONFLICT ... DO NOTHING} so that replicas writing the
 * same row (a second vote on one answer) agree without locks.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRESQL = "jdbc:postgresql:";

    private final String url;
    private Connection connection;

    private Store(String url) {
        this.url = url;
    }

    /** Opens the database at {@code url} ({@code jdbc:sqlite:PATH} or {@code jdbc:postgresql://…}), migrated to the newest schema. */
    public static Store open(String url) {
        return open(url, Optional.empty());
    }

    /** A private in-memory SQLite database, gone when closed: for a Kira that keeps nothing, and for tests. */
    public static Store inMemory() {
        return open(SQLITE + "file:kira-" + UUID.randomUUID() + "?mode=memory&cache=shared");
    }

    /** Opens the database migrated only up to {@code version}, as an older release left it (for migration tests). */
    static Store open(String url, Optional<String> version) {
        requireSupported(url);
        createSqliteFolder(url);
        Store store = new Store(url);
        try {
            // Ours first: an in-memory SQLite database lives as long as one connection to it is open.
            store.connection();
        } catch (StoreException e) {
            throw new InvalidConfigException("KIRA_DB_URL: " + oneLine(e));
        }
        try {
            var flyway = Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true);
            version.ifPresent(flyway::target);
            flyway.load().migrate();
        } catch (FlywayException e) {
            store.close();
            throw new InvalidConfigException("KIRA_DB_URL: cannot prepare the database (" + oneLine(e) + ")");
        }
        return store;
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String kind() {
        return url.startsWith(SQLITE) ? "sqlite" : "postgresql";
    }

    /** Stores an answer and its cited sections; an id stored already is left as it was. */
    public void saveAnswer(StoredAnswer answer) {
        run("save an answer", c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int inserted;
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO answers (answer_id, day, at_ms, abstain_reason, crisis, question)"
                                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (answer_id) DO NOTHING")) {
                    s.setString(1, answer.answerId());
                    s.setString(2, answer.day().toString());
                    s.setLong(3, answer.atMs());
                    setText(s, 4, answer.abstainReason());
                    s.setBoolean(5, answer.crisis());
                    setText(s, 6, answer.question());
                    inserted = s.executeUpdate();
                }
                if (inserted > 0 && !answer.sections().isEmpty()) {
                    try (PreparedStatement s = c.prepareStatement(
                            "INSERT INTO cited_sections (answer_id, day, section) VALUES (?, ?, ?)")) {
                        for (String section : answer.sections()) {
                            s.setString(1, answer.answerId());
                            s.setString(2, answer.day().toString());
                            s.setString(3, section);
                            s.addBatch();
                        }
                        s.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            return null;
        });
    }

    /** The stored answer with this id, if it is still kept. */
    public Optional<StoredAnswer> answer(String answerId) {
        return run("read an answer", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT day, at_ms, abstain_reason, crisis, question FROM answers WHERE answer_id = ?")) {
                s.setString(1, answerId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredAnswer(
                            answerId,
                            LocalDate.parse(r.getString(1)),
                            r.getLong(2),
                            r.getString(3),
                            r.getBoolean(4),
                            r.getString(5),
                            List.of()));
                }
            }
        });
    }

    /** Stores a vote unless the answer has one already; true when this one was stored. */
    public boolean saveVote(StoredVote vote) {
        return run("save a vote", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO feedback (answer_id, day, at_ms, rating, question, comment)"
                            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (answer_id) DO NOTHING")) {
                s.setString(1, vote.answerId());
                s.setString(2, vote.day().toString());
                s.setLong(3, vote.atMs());
                s.setString(4, vote.rating());
                setText(s, 5, vote.question());
                setText(s, 6, vote.comment());
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Answers, declines and crises by day, oldest first. */
    public List<DayCount> daily(DateRange range) {
        return run("count answers by day", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT day, COUNT(*), SUM(CASE WHEN abstain_reason IS NULL THEN 0 ELSE 1 END),"
                            + " SUM(CASE WHEN crisis THEN 1 ELSE 0 END) FROM answers WHERE day BETWEEN ? AND ?"
                            + " GROUP BY day ORDER BY day")) {
                bind(s, range);
                List<DayCount> days = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        days.add(new DayCount(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4)));
                    }
                }
                return days;
            }
        });
    }

    /** Declines by reason. */
    public Map<String, Long> abstentions(DateRange range) {
        return counts(
                "count declines",
                "SELECT abstain_reason, COUNT(*) FROM answers WHERE abstain_reason IS NOT NULL AND day BETWEEN ? AND ?"
                        + " GROUP BY abstain_reason ORDER BY abstain_reason",
                range);
    }

    /** Citations by section, most cited first (ties by name). */
    public Map<String, Long> citations(DateRange range) {
        return counts(
                "count citations",
                "SELECT section, COUNT(*) AS n FROM cited_sections WHERE day BETWEEN ? AND ?"
                        + " GROUP BY section ORDER BY n DESC, section",
                range);
    }

    /** Votes by rating. */
    public Map<String, Long> votes(DateRange range) {
        return counts(
                "count votes",
                "SELECT rating, COUNT(*) FROM feedback WHERE day BETWEEN ? AND ? GROUP BY rating ORDER BY rating",
                range);
    }

    /** The redacted questions the library did not cover, newest first, at most {@code limit}. */
    public List<String> notCovered(DateRange range, int limit) {
        return run("read not-covered questions", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT question FROM answers"
                    + " WHERE abstain_reason = 'not_covered' AND question IS NOT NULL AND day BETWEEN ? AND ?"
                    + " ORDER BY at_ms DESC, answer_id DESC LIMIT ?")) {
                bind(s, range);
                s.setInt(3, limit);
                List<String> questions = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        questions.add(r.getString(1));
                    }
                }
                return questions;
            }
        });
    }

    /** Down votes, newest first, at most {@code limit}. */
    public List<StoredVote> downVotes(DateRange range, int limit) {
        return run("read down votes", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT answer_id, day, at_ms, rating, question, comment FROM feedback"
                            + " WHERE rating = 'down' AND day BETWEEN ? AND ? ORDER BY at_ms DESC, answer_id DESC"
                            + " LIMIT ?")) {
                bind(s, range);
                s.setInt(3, limit);
                List<StoredVote> votes = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        votes.add(new StoredVote(
                                r.getString(1),
                                LocalDate.parse(r.getString(2)),
                                r.getLong(3),
                                r.getString(4),
                                r.getString(5),
                                r.getString(6)));
                    }
                }
                return votes;
            }
        });
    }

    /** Deletes the readers' rows (answers, their citations, votes) of days before {@code cutoff}; returns how many. */
    public int deleteBefore(LocalDate cutoff) {
        return run("delete old rows", c -> {
            int deleted = 0;
            for (String table : List.of("cited_sections", "feedback", "answers")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE day < ?")) {
                    s.setString(1, cutoff.toString());
                    deleted += s.executeUpdate();
                }
            }
            return deleted;
        });
    }

    /** Whether the insights file {@code source} has been read in already. */
    public boolean imported(String source) {
        return run("read the imports", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM imports WHERE source = ?")) {
                s.setString(1, source);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** Records that {@code source} was read in, with how many events it held and how many lines were skipped. */
    public void markImported(String source, long atMs, int events, int skipped) {
        run("record an import", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO imports (source, at_ms, events, skipped)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (source) DO NOTHING")) {
                s.setString(1, source);
                s.setLong(2, atMs);
                s.setInt(3, events);
                s.setInt(4, skipped);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Writes a run, or rewrites it as it progresses. */
    public void saveRun(EvalRunRow run) {
        run("save an evaluation run", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO eval_runs (run_id, started_ms, finished_ms, status, questions, summary, results)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO UPDATE SET"
                            + " finished_ms = excluded.finished_ms, status = excluded.status,"
                            + " questions = excluded.questions, summary = excluded.summary,"
                            + " results = excluded.results")) {
                s.setString(1, run.runId());
                s.setLong(2, run.startedMs());
                if (run.finishedMs() == null) {
                    s.setNull(3, Types.BIGINT);
                } else {
                    s.setLong(3, run.finishedMs());
                }
                s.setString(4, run.status());
                s.setInt(5, run.questions());
                setText(s, 6, run.summary());
                setText(s, 7, run.results());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The latest runs, newest first. */
    public List<EvalRunRow> runs(int limit) {
        return run("read evaluation runs", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT run_id, started_ms, finished_ms, status, questions, summary, results FROM eval_runs"
                            + " ORDER BY started_ms DESC, run_id DESC LIMIT ?")) {
                s.setInt(1, limit);
                List<EvalRunRow> runs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long finished = r.getLong(3);
                        runs.add(new EvalRunRow(
                                r.getString(1),
                                r.getLong(2),
                                r.wasNull() ? null : finished,
                                r.getString(4),
                                r.getInt(5),
                                r.getString(6),
                                r.getString(7)));
                    }
                }
                return runs;
            }
        });
    }

    public void saveGoldenAddition(GoldenAdditionRow row) {
        run("save a golden question", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO golden_additions (addition_id, at_ms, question, expected_section, facts, answer_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, row.additionId());
                s.setLong(2, row.atMs());
                s.setString(3, row.question());
                s.setString(4, row.expectedSection());
                s.setString(5, row.facts());
                setText(s, 6, row.answerId());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Every golden question writers added, oldest first. */
    public List<GoldenAdditionRow> goldenAdditions() {
        return run("read golden questions", c -> {
            try (Statement s = c.createStatement();
                    ResultSet r =
                            s.executeQuery("SELECT addition_id, at_ms, question, expected_section, facts, answer_id"
                                    + " FROM golden_additions ORDER BY at_ms, addition_id")) {
                List<GoldenAdditionRow> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(new GoldenAdditionRow(
                            r.getString(1),
                            r.getLong(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6)));
                }
                return rows;
            }
        });
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the database connection failed", e);
            }
            connection = null;
        }
    }

    private Map<String, Long> counts(String what, String sql, DateRange range) {
        return run(what, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, range);
                Map<String, Long> counts = new LinkedHashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        counts.put(r.getString(1), r.getLong(2));
                    }
                }
                return counts;
            }
        });
    }

    private static void bind(PreparedStatement s, DateRange range) throws SQLException {
        s.setString(1, range.from().toString());
        s.setString(2, range.to().toString());
    }

    private static void setText(PreparedStatement s, int index, String text) throws SQLException {
        if (text == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, text);
        }
    }

    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Runs {@code work} on the connection; once more on a fresh one when the old one turns out to be dead. */
    private synchronized <T> T run(String what, Work<T> work) {
        try {
            return work.apply(connection());
        } catch (SQLException first) {
            if (alive()) {
                throw new StoreException("Could not " + what + ": " + first.getMessage(), first);
            }
            close();
            try {
                return work.apply(connection());
            } catch (SQLException second) {
                throw new StoreException("Could not " + what + ": " + second.getMessage(), second);
            }
        }
    }

    private boolean alive() {
        try {
            return connection != null && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private synchronized Connection connection() {
        if (connection == null) {
            try {
                connection = DriverManager.getConnection(url);
                if (kind().equals("sqlite")) {
                    try (Statement s = connection.createStatement()) {
                        // Another process (a CLI run, a second server) may hold the write lock for a moment.
                        s.execute("PRAGMA busy_timeout = 5000");
                        if (!url.contains("mode=memory")) {
                            s.execute("PRAGMA journal_mode = WAL");
                            // In WAL mode, NORMAL syncs at checkpoints, not at every answer recorded: a
                            // power cut may lose the last few counts, never the database; an fsync an
                            // answer cost a third of the answers a second this machine serves.
                            s.execute("PRAGMA synchronous = NORMAL");
                        }
                    }
                }
            } catch (SQLException e) {
                connection = null;
                throw new StoreException("Could not open the database (" + e.getMessage() + ")", e);
            }
        }
        return connection;
    }

    private static void requireSupported(String url) {
        if (url == null || !(url.startsWith(SQLITE) || url.startsWith(POSTGRESQL))) {
            throw new InvalidConfigException(
                    "KIRA_DB_URL must be jdbc:sqlite:PATH or jdbc:postgresql://HOST/DATABASE, was '" + url + "'");
        }
    }

    /** A SQLite file in a folder that does not exist yet (data/ on a first start): the folder is made. */
    private static void createSqliteFolder(String url) {
        if (!url.startsWith(SQLITE)) {
            return;
        }
        String path = url.substring(SQLITE.length());
        if (path.isEmpty() || path.startsWith(":") || path.startsWith("file:")) {
            return;
        }
        int query = path.indexOf('?');
        Path file = Path.of(query < 0 ? path : path.substring(0, query)).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new InvalidConfigException("KIRA_DB_URL: cannot create the folder of " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse(message);
    }
}
