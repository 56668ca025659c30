package com.askkira.workbench;

import com.askkira.eval.AnswerEvaluator;
import com.askkira.eval.EvaluationResult;
import com.askkira.eval.EvaluationSummary;
import com.askkira.eval.GoldenQuestion;
import com.askkira.pipeline.AnswerService;
import com.askkira.pipeline.KiraException;
import com.askkira.store.EvalRunRow;
import com.askkira.store.Store;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the golden set on the live server as a background job, one at a time: every question is
 * answered as a reader would be answered (not counted in the insights), scored, and the run kept in
 * the store with its figures and its per-question results. Progress is known to the server running
 * the job; any replica reads finished runs from the store.
 */
public final class Evaluations implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluations.class);
    private static final int LISTED_RUNS = 20;

    private final AnswerEvaluator evaluator;
    private final Supplier<List<GoldenQuestion>> golden;
    private final Store store;
    private final Clock clock;
    private final ObjectMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "kira-evaluation");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    private Running running;

    /** A run in progress on this server. */
    private record Running(String runId, long startedMs, int total, AtomicInteger done) {}

    /** A run as the workbench shows it; {@code results} and {@code diff} only when asked for one run. */
    public record Status(
            String runId,
            String status,
            int done,
            int total,
            long startedMs,
            Long finishedMs,
            EvaluationSummary summary,
            List<EvaluationResult> results,
            Diff diff) {}

    /** How a run differs from the one before it: its figures then, and the questions that changed. */
    public record Diff(
            String previousRunId, EvaluationSummary previous, List<String> nowFailing, List<String> nowPassing) {}

    public Evaluations(
            AnswerService answers, Supplier<List<GoldenQuestion>> golden, Store store, Clock clock, ObjectMapper json) {
        this.evaluator = new AnswerEvaluator(answers);
        this.golden = golden;
        this.store = store;
        this.clock = clock;
        this.json = json;
    }

    /** Starts a run of the golden set; a second while one runs here is refused. */
    public Status start() {
        List<GoldenQuestion> questions = golden.get();
        Running run;
        synchronized (lock) {
            if (running != null) {
                throw new KiraException.Conflict("An evaluation is running already (" + running.runId() + ").");
            }
            run = new Running(
                    "run_" + UUID.randomUUID().toString().substring(0, 12),
                    clock.millis(),
                    questions.size(),
                    new AtomicInteger());
            running = run;
        }
        store.saveRun(new EvalRunRow(run.runId(), run.startedMs(), null, "running", run.total(), null, null));
        worker.execute(() -> execute(run, questions));
        return new Status(run.runId(), "running", 0, run.total(), run.startedMs(), null, null, null, null);
    }

    /** One run, with its results (failures first) and its difference from the run before it. */
    public Optional<Status> status(String runId) {
        List<EvalRunRow> rows = store.runs(LISTED_RUNS * 5);
        for (int i = 0; i < rows.size(); i++) {
            EvalRunRow row = rows.get(i);
            if (!row.runId().equals(runId)) {
                continue;
            }
            Status status = status(row, true);
            Optional<EvalRunRow> previous = rows.subList(i + 1, rows.size()).stream()
                    .filter(r -> r.status().equals("done"))
                    .findFirst();
            if (previous.isEmpty() || status.results() == null) {
                return Optional.of(status);
            }
            return Optional.of(new Status(
                    status.runId(),
                    status.status(),
                    status.done(),
                    status.total(),
                    status.startedMs(),
                    status.finishedMs(),
                    status.summary(),
                    status.results(),
                    diff(previous.get(), status.results())));
        }
        return Optional.empty();
    }

    /** The latest runs, newest first, figures only. */
    public List<Status> runs() {
        return store.runs(LISTED_RUNS).stream().map(r -> status(r, false)).toList();
    }

    private Status status(EvalRunRow row, boolean withResults) {
        Running now;
        synchronized (lock) {
            now = running;
        }
        int done = now != null && now.runId().equals(row.runId())
                ? now.done().get()
                : row.status().equals("running") ? 0 : row.questions();
        List<EvaluationResult> results = withResults && row.results() != null ? read(row.results()) : null;
        return new Status(
                row.runId(),
                row.status(),
                done,
                row.questions(),
                row.startedMs(),
                row.finishedMs(),
                row.summary() == null ? null : readSummary(row.summary()),
                results,
                null);
    }

    private Diff diff(EvalRunRow previous, List<EvaluationResult> now) {
        Map<String, Boolean> before = new java.util.HashMap<>();
        if (previous.results() != null) {
            read(previous.results()).forEach(r -> before.put(r.id(), r.passed()));
        }
        List<String> nowFailing = new ArrayList<>();
        List<String> nowPassing = new ArrayList<>();
        for (EvaluationResult r : now) {
            Boolean was = before.get(r.id());
            if (was != null && was && !r.passed()) {
                nowFailing.add(r.id());
            } else if (was != null && !was && r.passed()) {
                nowPassing.add(r.id());
            }
        }
        return new Diff(
                previous.runId(),
                previous.summary() == null ? null : readSummary(previous.summary()),
                nowFailing,
                nowPassing);
    }

    private void execute(Running run, List<GoldenQuestion> questions) {
        List<EvaluationResult> results = new ArrayList<>();
        try {
            for (GoldenQuestion q : questions) {
                results.add(evaluator.evaluate(q));
                run.done().incrementAndGet();
            }
            // Failures first, as the report lists them.
            results.sort(Comparator.comparing(EvaluationResult::passed));
            EvaluationSummary summary = EvaluationSummary.of(results);
            store.saveRun(new EvalRunRow(
                    run.runId(),
                    run.startedMs(),
                    clock.millis(),
                    "done",
                    run.total(),
                    json.writeValueAsString(summary),
                    json.writeValueAsString(results)));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Evaluation {} failed: {}", run.runId(), e.toString());
            store.saveRun(
                    new EvalRunRow(run.runId(), run.startedMs(), clock.millis(), "failed", run.total(), null, null));
        } finally {
            synchronized (lock) {
                running = null;
            }
        }
    }

    private List<EvaluationResult> read(String results) {
        try {
            return json.readValue(results, new TypeReference<List<EvaluationResult>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored evaluation cannot be read", e);
        }
    }

    private EvaluationSummary readSummary(String summary) {
        try {
            return json.readValue(summary, EvaluationSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored evaluation summary cannot be read", e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
