package com.askkira.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.store.TestDatabases.Kind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Readers' messages with names, phone numbers, an email and a crisis go through the real pipeline
 * into the store (SQLite and PostgreSQL); then every column of every row of every table is read
 * back, and none holds any of it. The crisis is counted all the same.
 */
class StoredRowsPrivacyTest {
    // The phone numbers as written, not "555" alone: a stored timestamp in milliseconds can hold those digits.
    private static final List<String> PERSONAL = List.of(
            "Sarah",
            "Johnson",
            "(555)",
            "555-",
            "123-4567",
            "867-5309",
            "sarah.j@example.com",
            "Tom Baker",
            "42 Maple");
    private static final String CRISIS = "I have the pills ready and I am going to take them all tonight";
    private static final List<String> CRISIS_WORDS = List.of("pills", "take them all", "tonight");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void should_store_no_personal_data_and_no_crisis_text_in_any_row(Kind kind) throws Exception {
        String url = TestDatabases.fresh(kind, dir);
        TestKira.shared();
        KiraConfig config = KiraConfig.fromEnvironment(Map.of(
                "KIRA_CORPUS_DIR", TestKira.sharedConfig().corpusDir().toString(),
                "KIRA_INDEX_DIR", TestKira.sharedConfig().indexDir().toString(),
                "KIRA_DB_URL", url));
        try (Kira kira = Kira.start(config, new PrintStream(PrintStream.nullOutputStream()))) {
            AnswerResponse answered = kira.answers()
                    .answer(new AnswerRequest(
                            "I'm Sarah Johnson, call me at (555) 123-4567. Can my employer see my therapy records?",
                            List.of()));
            AnswerResponse notCovered = kira.answers()
                    .answer(new AnswerRequest(
                            "Tom Baker here (sarah.j@example.com, 42 Maple Street). What are the side effects of sertraline?",
                            List.of()));
            AnswerResponse crisis = kira.answers().answer(new AnswerRequest(CRISIS, List.of()));
            kira.answers().rate(answered.id(), "down", "Useless. Sarah Johnson, 555-867-5309");
            kira.answers().rate(crisis.id(), "down", "not what I needed");

            assertThat(crisis.safety().crisis()).isTrue();
            assertThat(notCovered.abstainReason().wireName()).isEqualTo("not_covered");

            List<String> cells = new ArrayList<>();
            for (String table : TestDatabases.tables(url)) {
                TestDatabases.rows(url, table)
                        .forEach(row ->
                                row.values().stream().filter(v -> v != null).forEach(cells::add));
            }
            assertThat(cells).isNotEmpty();
            assertThat(String.join("\n", cells)).contains("[name]").contains("[phone]");
            for (String cell : cells) {
                PERSONAL.forEach(p -> assertThat(cell).doesNotContainIgnoringCase(p));
                CRISIS_WORDS.forEach(w -> assertThat(cell).doesNotContainIgnoringCase(w));
            }
            assertThat(kira.insights().report().daily()).singleElement().satisfies(day -> {
                assertThat(day.answers()).isEqualTo(3);
                assertThat(day.crisis()).isEqualTo(1);
            });
        }
    }
}
