package com.askkira.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the store is tested on: SQLite in a temporary folder, and a fresh database on the
 * PostgreSQL server that {@code .ci/run} starts (its URL in KIRA_TEST_PG_URL, or the system property
 * kira.test.pg.url). Without that server the PostgreSQL cases are skipped with a message saying why.
 */
public final class TestDatabases {
    public static final String PG_URL_VARIABLE = "KIRA_TEST_PG_URL";

    private static boolean warned;

    private TestDatabases() {}

    /** The two kinds of database Kira supports. */
    public enum Kind {
        SQLITE,
        POSTGRESQL
    }

    /** A new, empty database of {@code kind}; SQLite's file lives under {@code dir}. */
    public static String fresh(Kind kind, Path dir) {
        return kind == Kind.SQLITE ? "jdbc:sqlite:" + dir.resolve("kira-" + UUID.randomUUID() + ".db") : postgres();
    }

    /** A new database on the test PostgreSQL server; skips the test, saying why, when there is none. */
    public static synchronized String postgres() {
        Optional<String> server = Optional.ofNullable(System.getProperty("kira.test.pg.url"))
                .or(() -> Optional.ofNullable(System.getenv(PG_URL_VARIABLE)))
                .filter(u -> !u.isBlank());
        if (server.isEmpty()) {
            String why = "SKIPPED: no PostgreSQL to test against. " + PG_URL_VARIABLE
                    + " is unset; .ci/run installs Debian's postgresql and starts one.";
            // In the build's output too, not only in the test report: a skipped database is easy to miss.
            if (!warned) {
                warned = true;
                System.err.println(why);
            }
            Assumptions.abort(why);
        }
        String name = "kira_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(server.get());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            Assumptions.abort(
                    "SKIPPED: the PostgreSQL at " + PG_URL_VARIABLE + " cannot be reached: " + e.getMessage());
        }
        return server.get().replaceFirst("(jdbc:postgresql://[^/?]+)/[^?]*", "$1/" + name);
    }

    /** The tables Kira made (Flyway's own history left out). */
    public static List<String> tables(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    String name = r.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (!name.startsWith("flyway_") && !name.startsWith("sqlite_")) {
                        tables.add(name);
                    }
                }
            }
            return tables.stream().sorted().toList();
        }
    }

    /** Every row of {@code table}, each column as text. */
    public static List<Map<String, String>> rows(String url, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
            List<Map<String, String>> rows = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(r.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), r.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The schema versions Flyway applied, in order. */
    public static List<String> versions(String url) throws SQLException {
        List<String> versions = new ArrayList<>();
        for (Map<String, String> row : rows(url, "flyway_schema_history")) {
            if ("1".equals(row.get("success")) || "t".equals(row.get("success")) || "true".equals(row.get("success"))) {
                versions.add(row.get("version"));
            }
        }
        return versions.stream().sorted().toList();
    }
}
