package com.askkira.pipeline;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.Answerer;
import com.askkira.answer.CitationLinker;
import com.askkira.answer.ComposedAnswer;
import com.askkira.answer.Drafted;
import com.askkira.answer.ModelReply;
import com.askkira.answer.StreamingModelAnswerer;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.guard.GuardCheck;
import com.askkira.guard.GuardResult;
import com.askkira.guard.Guardrail;
import com.askkira.guard.SentenceJudge;
import com.askkira.guard.Verdict;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model's answer streamed to the reader sentence by sentence, each released only after it
 * passed the checks ({@link SentenceRelease}); the whole-answer checks run on what was released
 * before {@code done}. An attempt that released nothing and failed is retried once, told why; then
 * the offline extractive answer stands in. Text of a rejected attempt never reaches the reader,
 * because an attempt is only ever rejected before its first sentence is released.
 */
public final class GuardedModelStream {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedModelStream.class);
    private static final int ATTEMPTS = 2;

    private final StreamingModelAnswerer model;
    private final SentenceJudge judge;
    private final Guardrail guardrail;
    private final Answerer offline;
    private final AbstentionWriter abstentions;
    private final CitationLinker linker;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public GuardedModelStream(
            StreamingModelAnswerer model,
            SentenceJudge judge,
            Guardrail guardrail,
            Answerer offline,
            AbstentionWriter abstentions,
            CitationLinker linker) {
        this.model = model;
        this.judge = judge;
        this.guardrail = guardrail;
        this.offline = offline;
        this.abstentions = abstentions;
        this.linker = linker;
    }

    /**
     * The guarded answer. Whatever it releases through {@code deltas} is exactly the returned
     * answer's text; when it returns having released nothing, the caller sends the answer whole.
     */
    GuardedDraft answer(String question, Retrieval retrieval, Consumer<String> deltas) {
        List<GuardCheck> rejected = new ArrayList<>();
        String reasons = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ModelReply reply = model.stream(question, retrieval, reasons);
            SentenceRelease release =
                    new SentenceRelease(judge, splitter, question, retrieval, reply.boundary(), deltas);
            boolean failed = !read(reply, release);
            if (release.releasedAny()) {
                return released(question, retrieval, release, rejected, attempt > 0 || failed, failed);
            }
            if (release.notInLibrary() && release.withheld().isEmpty()) {
                ComposedAnswer abstention = abstentions.write(notInLibrary(question, retrieval), retrieval.passages());
                return guardedWhole(question, abstention, retrieval, model.modelName(), false, rejected, Verdict.PASS);
            }
            if (failed || release.withheld().isEmpty()) {
                // The model failed, or said nothing Kira could use: the offline answer, marked degraded.
                return offline(question, retrieval, rejected, attempt == 0);
            }
            rejected.addAll(release.withheld());
            reasons = reasons(release.withheld());
        }
        return offline(question, retrieval, rejected, false);
    }

    /**
     * Why the library does not answer, when the model says it does not: outside the library's field
     * if the offline answerer reads the question so, otherwise a gap in it (what the content team
     * should write next).
     */
    private AbstainReason notInLibrary(String question, Retrieval retrieval) {
        return offline.draft(question, retrieval)
                .answer()
                .abstainReason()
                .filter(reason -> reason == AbstainReason.OUT_OF_SCOPE)
                .orElse(AbstainReason.NOT_COVERED);
    }

    /** Reads the reply into {@code release}; false when the stream failed or stalled. */
    private static boolean read(ModelReply reply, SentenceRelease release) {
        try {
            for (Optional<String> piece = reply.next(); piece.isPresent(); piece = reply.next()) {
                release.accept(piece.get());
            }
            release.end(true);
            return true;
        } catch (ModelReply.StreamFailed failure) {
            LOG.warn("Model stream failed ({})", describe(failure));
            reply.cancel();
            release.end(false);
            return false;
        }
    }

    /** What the reader already has, checked whole; the report names every withheld sentence's check. */
    private GuardedDraft released(
            String question,
            Retrieval retrieval,
            SentenceRelease release,
            List<GuardCheck> rejected,
            boolean revisedAlready,
            boolean degraded) {
        ComposedAnswer answer = linker.link(release.text(), retrieval);
        GuardResult whole = guardrail.check(question, answer, retrieval);
        if (!whole.answer().text().equals(answer.text())) {
            // Each released sentence passed the same checks; disagreement here is a bug to hear about.
            LOG.error("Whole-answer checks changed an answer already released ({})", whole.verdict());
        }
        List<GuardCheck> checks = new ArrayList<>(rejected);
        checks.addAll(merged(whole.checks(), release.withheld()));
        boolean clean = !revisedAlready && release.withheld().isEmpty() && whole.verdict() == Verdict.PASS;
        Verdict verdict = clean ? Verdict.PASS : Verdict.REVISED;
        return new GuardedDraft(
                new GuardResult(verdict, checks, answer), new Drafted(answer, model.modelName(), degraded));
    }

    /** The offline extractive answer for the same passages: degraded when the model failed, else a revision. */
    private GuardedDraft offline(String question, Retrieval retrieval, List<GuardCheck> rejected, boolean degraded) {
        Drafted drafted = offline.draft(question, retrieval);
        Verdict verdict = degraded && rejected.isEmpty() ? Verdict.PASS : Verdict.REVISED;
        return guardedWhole(question, drafted.answer(), retrieval, drafted.model(), degraded, rejected, verdict);
    }

    private GuardedDraft guardedWhole(
            String question,
            ComposedAnswer answer,
            Retrieval retrieval,
            String modelName,
            boolean degraded,
            List<GuardCheck> rejected,
            Verdict atLeast) {
        GuardResult result = guardrail.check(question, answer, retrieval);
        List<GuardCheck> checks = new ArrayList<>(rejected);
        checks.addAll(result.checks());
        Verdict verdict = result.verdict() == Verdict.PASS ? atLeast : result.verdict();
        return new GuardedDraft(
                new GuardResult(verdict, checks, result.answer()), new Drafted(result.answer(), modelName, degraded));
    }

    /**
     * The whole-answer checks, each marked failed, with what it withheld, when it withheld a
     * sentence while streaming; withheld checks the whole-answer run does not name are added.
     */
    static List<GuardCheck> merged(List<GuardCheck> whole, List<GuardCheck> withheld) {
        Map<String, List<GuardCheck>> byName = new LinkedHashMap<>();
        for (GuardCheck c : withheld) {
            byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
        }
        List<GuardCheck> merged = new ArrayList<>();
        for (GuardCheck c : whole) {
            List<GuardCheck> found = byName.remove(c.name());
            merged.add(found == null ? c : summary(c.name(), found));
        }
        byName.forEach((name, found) -> merged.add(summary(name, found)));
        return merged;
    }

    private static GuardCheck summary(String name, List<GuardCheck> found) {
        String first = found.getFirst().detail();
        return new GuardCheck(name, false, "while streaming, " + found.size() + " sentence(s) failed it: " + first);
    }

    private static String reasons(List<GuardCheck> failed) {
        return String.join(
                "; ",
                failed.stream()
                        .map(c -> c.name() + " (" + c.detail() + ")")
                        .distinct()
                        .toList());
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure
                ? failure.getMessage()
                : failure.getMessage() + "; " + root.getClass().getName();
    }
}
