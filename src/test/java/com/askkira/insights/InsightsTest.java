package com.askkira.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.privacy.PiiRedactor;
import com.askkira.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the content team sees, and what is (and is not) kept to show it. */
class InsightsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static Embedder embedder;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        embedder = EmbeddingModels.load(EmbeddingModels.BGE_SMALL);
    }

    private Insights insights(Optional<Path> file) {
        return new Insights(embedder, new PiiRedactor(), file, CLOCK);
    }

    @Test
    void should_count_answers_abstentions_crises_and_cited_sections_by_day() {
        Insights insights = insights(Optional.empty());
        insights.answered(new AnswerRecord(DAY, "ans_1", null, false, List.of("Duty to Warn", "Minors"), "q1"));
        insights.answered(new AnswerRecord(DAY, "ans_2", null, false, List.of("Duty to Warn"), "q2"));
        insights.answered(new AnswerRecord(DAY, "ans_3", "out_of_scope", false, List.of(), "what is an NDA"));
        insights.answered(new AnswerRecord(DAY.plusDays(1), "ans_4", null, true, List.of(), null));

        InsightsReport report = insights.report();

        assertThat(report.abstentions())
                .containsEntry("not_covered", 0L)
                .containsEntry("out_of_scope", 1L)
                .containsEntry("unsafe", 0L);
        assertThat(report.sections())
                .containsExactly(
                        new InsightsReport.SectionCitations("Duty to Warn", 2),
                        new InsightsReport.SectionCitations("Minors", 1));
        assertThat(report.daily())
                .containsExactly(
                        new InsightsReport.Day("2026-11-27", 3, 1, 0), new InsightsReport.Day("2026-11-28", 1, 0, 1));
        assertThat(report.notCovered()).isEmpty();
    }

    @Test
    void should_group_not_covered_questions_that_ask_the_same_thing() {
        Insights insights = insights(Optional.empty());
        String[] questions = {
            "what's the going rate for an hour of therapy if i'm not using insurance",
            "how much does a therapy session cost without insurance",
            "How much does one therapy session cost if I pay myself?",
            "does lexapro cause weight gain"
        };
        for (int i = 0; i < questions.length; i++) {
            insights.answered(new AnswerRecord(DAY, "ans_" + i, "not_covered", false, List.of(), questions[i]));
        }

        List<InsightsReport.NotCovered> gaps = insights.report().notCovered();

        assertThat(gaps).hasSize(2);
        assertThat(gaps.getFirst().count()).isEqualTo(3);
        assertThat(gaps.getFirst().examples())
                .hasSize(3)
                .allSatisfy(q -> assertThat(q).containsIgnoringCase("therapy"));
        assertThat(gaps.get(1)).isEqualTo(new InsightsReport.NotCovered(questions[3], 1, List.of(questions[3])));
    }

    @Test
    void should_keep_a_down_vote_with_its_question_and_a_redacted_comment() {
        Insights insights = insights(Optional.empty());
        insights.answered(new AnswerRecord(DAY, "ans_7", null, false, List.of("Minors"), "can my mom read my notes"));

        assertThat(insights.rated("ans_7", "down", "Wrong! Call me on (555) 123-4567, Sarah Johnson"))
                .isEqualTo(RatingOutcome.RECORDED);
        assertThat(insights.rated("ans_7", "up", "thanks")).isEqualTo(RatingOutcome.ALREADY_RATED);
        assertThat(insights.rated("ans_unknown", "down", null)).isEqualTo(RatingOutcome.UNKNOWN_ANSWER);

        assertThat(insights.report().downVoted())
                .containsExactly(new InsightsReport.DownVote(
                        "ans_7",
                        "can my mom read my notes",
                        insights.report().downVoted().getFirst().comment()));
        assertThat(insights.report().downVoted().getFirst().comment())
                .startsWith("Wrong!")
                .doesNotContain("555")
                .doesNotContain("Sarah")
                .doesNotContain("Johnson");
    }

    @Test
    void should_count_an_up_vote_as_the_one_vote_and_keep_nothing_of_it() {
        Insights insights = insights(Optional.empty());
        insights.answered(new AnswerRecord(DAY, "ans_1", null, false, List.of("Minors"), "q"));

        assertThat(insights.rated("ans_1", "up", "great")).isEqualTo(RatingOutcome.RECORDED);
        assertThat(insights.rated("ans_1", "down", "no, bad")).isEqualTo(RatingOutcome.ALREADY_RATED);
        assertThat(insights.report().downVoted()).isEmpty();
    }

    @Test
    void should_refuse_a_comment_over_the_limit() {
        Insights insights = insights(Optional.empty());
        insights.answered(new AnswerRecord(DAY, "ans_1", null, false, List.of(), "q"));

        assertThatThrownBy(() -> insights.rated("ans_1", "down", "x".repeat(Insights.MAX_COMMENT_CHARS + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(insights.rated("ans_1", "down", "x".repeat(Insights.MAX_COMMENT_CHARS)))
                .isEqualTo(RatingOutcome.RECORDED);
    }

    @Test
    void should_keep_vectors_only_for_the_questions_it_keeps() {
        Insights insights = new Insights(new FeedbackTest.FixedEmbedder(), new PiiRedactor(), Optional.empty(), CLOCK);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < Insights.MAX_KEPT; i++) {
                insights.answered(new AnswerRecord(
                        DAY, "ans_" + round + "_" + i, "not_covered", false, List.of(), "question " + round + "/" + i));
            }
            insights.report();
        }

        assertThat(insights.cachedVectors()).isEqualTo(Insights.MAX_KEPT);
    }

    @Test
    void should_count_the_unreadable_lines_of_its_file() throws IOException {
        Path file = dir.resolve("insights.jsonl");
        Files.writeString(file, """
                {"type":"answer","date":"2026-11-27","answerId":"ans_1","crisis":false}
                {"type":"answer","date":"not a date"}
                not json at all
                {"type":"answer","da""");

        Insights insights = insights(Optional.of(file));

        assertThat(insights.malformedLines()).isEqualTo(3);
        assertThat(insights.report().daily()).containsExactly(new InsightsReport.Day("2026-11-27", 1, 0, 0));
    }

    @Test
    void should_never_hold_a_crisis_message() {
        assertThatThrownBy(() -> new AnswerRecord(DAY, "ans_9", null, true, List.of(), "i have the pills ready"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_keep_its_counts_questions_and_votes_in_the_store_across_a_restart() {
        String url = "jdbc:sqlite:" + dir.resolve("kira.db");
        try (Store store = Store.open(url)) {
            Insights first = new Insights(embedder, new PiiRedactor(), store, CLOCK);
            first.answered(
                    new AnswerRecord(DAY, "ans_1", null, false, List.of("Minors"), "can my mom read my therapy notes"));
            first.answered(
                    new AnswerRecord(DAY, "ans_2", "not_covered", false, List.of(), "does lexapro cause weight gain"));
            first.answered(new AnswerRecord(DAY, "ans_3", null, true, List.of(), null));
            first.rated("ans_1", "down", "not what I asked");
        }

        try (Store store = Store.open(url)) {
            InsightsReport reread = new Insights(embedder, new PiiRedactor(), store, CLOCK).report();

            assertThat(reread.daily()).containsExactly(new InsightsReport.Day("2026-11-27", 3, 1, 1));
            assertThat(reread.notCovered())
                    .extracting(InsightsReport.NotCovered::question)
                    .containsExactly("does lexapro cause weight gain");
            assertThat(reread.downVoted())
                    .containsExactly(new InsightsReport.DownVote(
                            "ans_1", "can my mom read my therapy notes", "not what I asked"));
            assertThat(reread.sections()).containsExactly(new InsightsReport.SectionCitations("Minors", 1));
        }
    }
}
