package com.askkira.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.askkira.config.InvalidConfigException;
import com.askkira.privacy.PiiRedactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insights file of an older Kira, read into the store: a path that cannot be a file stops the
 * start with one line naming the variable (a configuration error, exit code 2), and a line that
 * cannot be read is skipped, not fatal.
 */
class InsightsFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Insights insights(Path file) {
        return new Insights(new FeedbackTest.FixedEmbedder(), new PiiRedactor(), Optional.of(file), CLOCK);
    }

    @Test
    void should_refuse_to_start_with_a_file_under_something_that_is_not_a_folder() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> insights(notAFolder.resolve("insights.jsonl")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("KIRA_INSIGHTS_FILE")
                .hasMessageContaining("plain-file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void should_refuse_to_start_with_a_folder_as_its_file() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("insights.jsonl"));

        assertThatThrownBy(() -> insights(folder))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("KIRA_INSIGHTS_FILE");
    }

    @Test
    void should_start_with_nothing_to_read_when_the_file_does_not_exist() {
        Path file = dir.resolve("data/insights/insights.jsonl");

        InsightsReport report = insights(file).report();

        assertThat(report.daily()).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void should_skip_lines_it_cannot_read_and_keep_the_rest() throws IOException {
        Path file = dir.resolve("insights.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(line("{\"type\":\"answer\",\"date\":\"2026-11-26\",\"answerId\":\"ans_1\",\"crisis\":false,"
                + "\"abstainReason\":\"not_covered\",\"question\":\"does lexapro cause weight gain\"}"));
        bytes.writeBytes(line("{\"type\":\"answer\",\"date\":\"yesterday\",\"answerId\":\"ans_2\"}"));
        bytes.writeBytes(line("{\"type\":\"answer\",\"date\":\"2026-11-26\",\"answerId\":\"ans_3\",\"crisis\":true,"
                + "\"question\":\"a crisis message must never be kept\"}"));
        bytes.writeBytes(line("[1, 2, 3]"));
        bytes.writeBytes(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'});
        bytes.writeBytes(line("{\"type\":\"answer\",\"da"));
        bytes.writeBytes(
                line("{\"type\":\"down\",\"date\":\"2026-11-26\",\"answerId\":\"ans_1\",\"comment\":\"meh\"}"));
        Files.write(file, bytes.toByteArray());

        InsightsReport report = insights(file).report();

        assertThat(report.daily()).containsExactly(new InsightsReport.Day("2026-11-26", 1, 1, 0));
        assertThat(report.notCovered())
                .extracting(InsightsReport.NotCovered::question)
                .containsExactly("does lexapro cause weight gain");
        assertThat(report.downVoted()).containsExactly(new InsightsReport.DownVote("ans_1", null, "meh"));
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
