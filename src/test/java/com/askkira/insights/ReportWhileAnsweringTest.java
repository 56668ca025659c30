package com.askkira.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.embedding.Embedder;
import com.askkira.privacy.PiiRedactor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reading the insights never holds up an answer: the report embeds its questions (slow: a model
 * call each) without the lock that recording an answer takes.
 */
class ReportWhileAnsweringTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    private final GatedEmbedder embedder = new GatedEmbedder();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        embedder.release.countDown();
        threads.shutdownNow();
    }

    @Test
    void should_record_answers_and_votes_while_a_report_is_embedding_questions() throws Exception {
        Insights insights = new Insights(embedder, new PiiRedactor(), Optional.empty(), CLOCK);
        for (int i = 0; i < 5_000; i++) {
            insights.answered(
                    new AnswerRecord(DAY, "ans_" + i, "not_covered", false, List.of(), "uncovered question " + i));
        }
        CompletableFuture<InsightsReport> report = CompletableFuture.supplyAsync(insights::report, threads);
        assertThat(embedder.entered.await(30, TimeUnit.SECONDS)).isTrue();

        // The report is now inside the embedder and stays there until release: recording must not wait for it.
        // (The timeout only keeps a regression from hanging the build; no timing is being measured.)
        CompletableFuture<Void> answered = CompletableFuture.runAsync(
                () -> {
                    insights.answered(new AnswerRecord(DAY, "ans_new", null, false, List.of("Minors"), "q"));
                    insights.rated("ans_new", "down", "meh");
                },
                threads);
        answered.get(30, TimeUnit.SECONDS);
        assertThat(report).isNotDone();

        embedder.release.countDown();
        InsightsReport done = report.get(60, TimeUnit.SECONDS);
        assertThat(done.notCovered()).isNotEmpty();
        assertThat(insights.report().downVoted())
                .extracting(InsightsReport.DownVote::answerId)
                .containsExactly("ans_new");
    }

    /** Embeds every question alike, after waiting (once armed) until the test lets it go on. */
    static final class GatedEmbedder implements Embedder {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String name() {
            return "gated";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embedQuery(String text) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new float[] {1, 0};
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            return texts.stream().map(this::embedQuery).toList();
        }
    }
}
