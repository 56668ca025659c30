package com.askkira.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.embedding.Embedder;
import com.askkira.privacy.PiiRedactor;
import com.askkira.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feedback counts only on answers Kira gave (and still holds), once each: a flood of votes on made-up ids, or
 * of second votes on one answer, leaves the insights as they were.
 */
class FeedbackTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Insights insights(Optional<Path> file) {
        return new Insights(new FixedEmbedder(), new PiiRedactor(), file, CLOCK);
    }

    @Test
    void should_ignore_votes_on_answers_it_never_gave() {
        Insights insights = insights(Optional.empty());
        insights.answered(new AnswerRecord(DAY, "ans_1", null, false, List.of("Minors"), "can my mom read my notes"));

        for (int i = 0; i < 100; i++) {
            insights.rated("ans_fake" + i, "down", "spam " + i);
        }

        assertThat(insights.report().downVoted()).isEmpty();
    }

    @Test
    void should_take_one_vote_per_answer() {
        Insights insights = insights(Optional.empty());
        insights.answered(new AnswerRecord(DAY, "ans_1", null, false, List.of("Minors"), "can my mom read my notes"));
        insights.answered(new AnswerRecord(DAY, "ans_2", null, false, List.of("Minors"), "can my dad read my notes"));

        insights.rated("ans_1", "down", "first");
        insights.rated("ans_1", "down", "second");
        insights.rated("ans_2", "up", null);
        insights.rated("ans_2", "down", "changed my mind");

        assertThat(insights.report().downVoted())
                .containsExactly(new InsightsReport.DownVote("ans_1", "can my mom read my notes", "first"));
    }

    @Test
    void should_take_a_vote_on_a_crisis_answer_without_its_question() {
        Insights insights = insights(Optional.empty());
        insights.answered(new AnswerRecord(DAY, "ans_9", null, true, List.of(), null));

        insights.rated("ans_9", "down", "not helpful");

        assertThat(insights.report().downVoted())
                .containsExactly(new InsightsReport.DownVote("ans_9", null, "not helpful"));
    }

    @Test
    void should_know_the_answers_in_its_store_after_a_restart_and_their_votes() {
        String url = "jdbc:sqlite:" + dir.resolve("kira.db");
        try (Store store = Store.open(url)) {
            Insights before = new Insights(new FixedEmbedder(), new PiiRedactor(), store, CLOCK);
            before.answered(
                    new AnswerRecord(DAY, "ans_1", "not_covered", false, List.of(), "does lexapro cause weight gain"));
            before.answered(new AnswerRecord(DAY, "ans_2", null, false, List.of("Minors"), "can my mom read my notes"));
            before.rated("ans_2", "down", "vague");
        }

        try (Store store = Store.open(url)) {
            Insights after = new Insights(new FixedEmbedder(), new PiiRedactor(), store, CLOCK);
            after.rated("ans_1", "down", "after the restart");
            after.rated("ans_2", "down", "again");

            assertThat(after.report().downVoted())
                    .containsExactlyInAnyOrder(
                            new InsightsReport.DownVote("ans_1", "does lexapro cause weight gain", "after the restart"),
                            new InsightsReport.DownVote("ans_2", "can my mom read my notes", "vague"));
        }
    }

    /** Every question means the same thing: enough for grouping, with no model to load. */
    static final class FixedEmbedder implements Embedder {
        @Override
        public String name() {
            return "fixed";
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
