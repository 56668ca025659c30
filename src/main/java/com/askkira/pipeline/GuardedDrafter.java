package com.askkira.pipeline;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.Answerer;
import com.askkira.answer.ComposedAnswer;
import com.askkira.answer.Drafted;
import com.askkira.answer.Drafter;
import com.askkira.answer.ModelFailures;
import com.askkira.answer.ModelReply;
import com.askkira.answer.OfflineDrafter;
import com.askkira.config.ModelCircuitSettings;
import com.askkira.guard.GuardCheck;
import com.askkira.guard.GuardResult;
import com.askkira.guard.SentenceJudge;
import com.askkira.guard.SentenceRelease;
import com.askkira.guard.Verdict;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kira's one policy for writing an answer, whichever model writes it and whether or not it is
 * streamed: draft, judge each sentence as it comes ({@link SentenceRelease}: complete or drop),
 * redraft once when nothing could be released, told why, and fall back to the offline answer for
 * the same passages, judged the same way. Text of a rejected attempt never reaches the reader: an
 * attempt is only rejected before its first sentence is released.
 */
public final class GuardedDrafter {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedDrafter.class);
    /** A first attempt and one redraft: a model that breaks the rules twice is not asked a third time. */
    private static final int MODEL_ATTEMPTS = 2;

    private final SentenceJudge judge;
    private final Answerer offlineAnswerer;
    private final OfflineDrafter offline;
    private final AbstentionWriter abstentions;
    private final ModelCircuit circuit;
    private final PipelineMeter meter;

    /** A drafter nobody watches, with the default circuit breaker: for tests and the tuning sweep. */
    public GuardedDrafter(SentenceJudge judge, Answerer offlineAnswerer, AbstentionWriter abstentions) {
        this(
                judge,
                offlineAnswerer,
                abstentions,
                new ModelCircuit(ModelCircuitSettings.defaults()),
                PipelineMeter.NONE);
    }

    /**
     * @param circuit the breaker every model call goes through
     * @param meter told of each model call and each fallback
     */
    public GuardedDrafter(
            SentenceJudge judge,
            Answerer offlineAnswerer,
            AbstentionWriter abstentions,
            ModelCircuit circuit,
            PipelineMeter meter) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.offlineAnswerer = Objects.requireNonNull(offlineAnswerer, "offlineAnswerer");
        this.offline = new OfflineDrafter(offlineAnswerer);
        this.abstentions = Objects.requireNonNull(abstentions, "abstentions");
        this.circuit = Objects.requireNonNull(circuit, "circuit");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    /** The circuit breaker around this drafter's model calls. */
    public ModelCircuit circuit() {
        return circuit;
    }

    /** The offline drafter the fallback uses, for a caller that must not ask a model at all. */
    public Drafter offline() {
        return offline;
    }

    /**
     * The guarded answer. Whatever it releases through {@code deltas} is exactly the returned
     * answer's text; when it returns having released nothing, the caller sends the answer whole.
     */
    GuardedDraft draft(String question, Retrieval retrieval, Drafter drafter, Consumer<String> deltas) {
        if (retrieval.passages().isEmpty()) {
            // Nothing to ground an answer in: asking a model could only invite a guess.
            return declined(question, retrieval, drafter, List.of(), 0);
        }
        List<GuardCheck> rejected = new ArrayList<>();
        long judging = 0;
        int attempts = drafter.usesAModel() ? MODEL_ATTEMPTS : 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (drafter.usesAModel() && !circuit.tryCall()) {
                // The model server kept failing lately: the offline answer at once, without waiting on it again.
                meter.modelCall(PipelineMeter.ModelCall.SHORT_CIRCUITED);
                return fallback(
                        question,
                        retrieval,
                        rejected,
                        attempt == 0,
                        judging,
                        deltas,
                        PipelineMeter.Fallback.BREAKER_OPEN);
            }
            long called = System.nanoTime();
            ModelReply reply = drafter.draft(question, retrieval, GuardCheck.reasons(rejected));
            SentenceRelease release = judge.release(question, retrieval, reply.boundary(), deltas);
            Optional<Throwable> failure = read(reply, release, drafter);
            if (drafter.usesAModel()) {
                record(failure, System.nanoTime() - called);
            }
            if (release.releasedAny()) {
                return released(
                        release, rejected, drafter, attempt > 0 || failure.isPresent(), failure.isPresent(), judging);
            }
            if (failure.isEmpty()
                    && release.notInLibrary()
                    && release.withheld().isEmpty()) {
                return declined(question, retrieval, drafter, rejected, judging + release.judgingNanos());
            }
            if (!drafter.usesAModel()) {
                return offlineFailed(release, failure, judging);
            }
            judging += release.judgingNanos();
            if (failure.isPresent() || release.withheld().isEmpty()) {
                // The model failed, or said nothing Kira could use: the offline answer, marked degraded.
                return fallback(
                        question,
                        retrieval,
                        rejected,
                        attempt == 0,
                        judging,
                        deltas,
                        failure.isPresent() ? PipelineMeter.Fallback.MODEL_FAILED : PipelineMeter.Fallback.REJECTED);
            }
            rejected.addAll(release.withheld());
        }
        return fallback(question, retrieval, rejected, false, judging, deltas, PipelineMeter.Fallback.REJECTED);
    }

    /** Tells the breaker and the meter how a model call went. */
    private void record(Optional<Throwable> failure, long nanos) {
        if (failure.isPresent()) {
            circuit.failed(nanos, failure.get());
            meter.modelCall(PipelineMeter.ModelCall.FAILED);
        } else {
            circuit.succeeded(nanos);
            meter.modelCall(PipelineMeter.ModelCall.ANSWERED);
        }
    }

    /** Reads the reply into {@code release}; the failure when the stream failed or stalled. */
    private static Optional<Throwable> read(ModelReply reply, SentenceRelease release, Drafter drafter) {
        try {
            if (drafter.usesAModel()) {
                for (Optional<String> piece = reply.next(); piece.isPresent(); piece = reply.next()) {
                    release.accept(piece.get());
                }
                release.end(true);
            } else {
                // Kira's own answer is whole at once: judged whole, with no round over each sentence alone.
                release.whole(wholeText(reply));
            }
            return Optional.empty();
        } catch (ModelReply.StreamFailed failure) {
            LOG.warn("Model {} failed ({})", drafter.modelName(), ModelFailures.describe(failure));
            reply.cancel();
            release.end(false);
            return Optional.of(failure);
        }
    }

    /** Every piece of {@code reply}, joined. */
    private static String wholeText(ModelReply reply) {
        StringBuilder text = new StringBuilder();
        for (Optional<String> piece = reply.next(); piece.isPresent(); piece = reply.next()) {
            text.append(piece.get());
        }
        return text.toString();
    }

    /** What the reader already has, checked whole; a redraft or a failure midway makes it a revision. */
    private static GuardedDraft released(
            SentenceRelease release,
            List<GuardCheck> rejected,
            Drafter drafter,
            boolean revisedAlready,
            boolean degraded,
            long judging) {
        GuardResult result = release.result();
        List<GuardCheck> checks = new ArrayList<>(rejected);
        checks.addAll(result.checks());
        Verdict verdict = revisedAlready ? Verdict.REVISED : result.verdict();
        return new GuardedDraft(
                new GuardResult(verdict, checks, result.answer()),
                new Drafted(result.answer(), drafter.modelName(), degraded),
                judging + release.judgingNanos());
    }

    /**
     * The library does not answer: outside its field if the offline answerer reads the question
     * so, otherwise a gap in it (what the content team should write next).
     */
    private GuardedDraft declined(
            String question, Retrieval retrieval, Drafter drafter, List<GuardCheck> rejected, long judging) {
        AbstainReason reason = offlineAnswerer
                .answer(question, retrieval)
                .abstainReason()
                .filter(r -> r == AbstainReason.OUT_OF_SCOPE)
                .orElse(AbstainReason.NOT_COVERED);
        ComposedAnswer abstention = abstentions.write(reason, retrieval.passages());
        long start = System.nanoTime();
        GuardResult result = judge.whole(question, abstention, retrieval);
        List<GuardCheck> checks = new ArrayList<>(rejected);
        checks.addAll(result.checks());
        Verdict verdict = rejected.isEmpty() ? result.verdict() : Verdict.REVISED;
        return new GuardedDraft(
                new GuardResult(verdict, checks, result.answer()),
                new Drafted(result.answer(), drafter.modelName(), false),
                judging + System.nanoTime() - start);
    }

    /**
     * The offline answer for the same passages, exactly as offline mode gives it: degraded when the
     * model failed at once, else a revision that reports every rejected attempt's checks.
     */
    private GuardedDraft fallback(
            String question,
            Retrieval retrieval,
            List<GuardCheck> rejected,
            boolean degraded,
            long judging,
            Consumer<String> deltas,
            PipelineMeter.Fallback reason) {
        meter.fallback(reason);
        GuardedDraft offlineDraft = draft(question, retrieval, offline, deltas);
        GuardResult result = offlineDraft.result();
        List<GuardCheck> checks = new ArrayList<>(rejected);
        checks.addAll(result.checks());
        Verdict verdict = result.verdict() == Verdict.BLOCKED
                ? Verdict.BLOCKED
                : degraded && rejected.isEmpty() ? result.verdict() : Verdict.REVISED;
        return new GuardedDraft(
                new GuardResult(verdict, checks, result.answer()),
                new Drafted(result.answer(), offline.modelName(), degraded),
                judging + offlineDraft.judgingNanos());
    }

    /**
     * The offline answerer failed, or every sentence it wrote was withheld: there is nothing safe
     * to fall back to. A failure is the model being unavailable; withheld sentences leave the safe
     * replacement that says Kira cannot answer reliably ({@code blocked}).
     */
    private GuardedDraft offlineFailed(SentenceRelease release, Optional<Throwable> failure, long judging) {
        if (failure.isPresent()) {
            throw new KiraException.ModelUnavailable("The answer model is unavailable; please try again later.");
        }
        GuardResult result = release.result();
        ComposedAnswer replacement = abstentions.write(AbstainReason.NOT_COVERED, List.of());
        return new GuardedDraft(
                new GuardResult(Verdict.BLOCKED, result.checks(), replacement),
                new Drafted(replacement, offline.modelName(), false),
                judging + release.judgingNanos());
    }
}
