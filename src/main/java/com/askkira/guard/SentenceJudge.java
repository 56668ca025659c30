package com.askkira.guard;

import com.askkira.answer.CitationLinker;
import com.askkira.answer.ComposedAnswer;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Judges one sentence of an answer that is still being written, for streaming: may it be
 * released now? The checks that need only the sentence (citations valid, grounded, no leak) run on
 * it alone; the confidentiality-limits rules run on it in the context of what was released before
 * and what has passed after. The two rules that look at the whole answer (limits not named, state
 * variation omitted) can be cured by a later sentence, so a sentence breaking only those is held,
 * not dropped, until the answer ends.
 */
public final class SentenceJudge {
    public enum Outcome {
        /** Passed every check that can run on it: it may be released. */
        PASS,
        /** Breaks only a rule that a later sentence may cure: wait. */
        HOLD,
        /** Fails a check: never released. */
        DROP
    }

    /**
     * @param sentence the text to release; the checks may have cleaned it (a marker to nothing removed)
     * @param failed the checks it failed; empty when it passed
     */
    public record Judgement(Outcome outcome, String sentence, List<GuardCheck> failed) {
        public Judgement {
            failed = List.copyOf(failed);
        }
    }

    /**
     * The sentence-local checks' result, which does not change as the answer grows.
     *
     * @param written the sentence as the model wrote it
     * @param sentence what may be released of it; empty when a check removed it
     */
    public record Local(String written, String sentence, List<GuardCheck> failed) {
        public Local {
            failed = List.copyOf(failed);
        }

        boolean dropped() {
            return sentence.isEmpty();
        }
    }

    private final Guardrail sentenceChecks;
    private final Guardrail wholeChecks;
    private final ConfidentialityLimitsCheck limits;
    private final CitationLinker linker;
    private final LimitsCompletion completion;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public SentenceJudge(LibraryChecks checks, ConfidentialityLimitsCheck limits, CitationLinker linker) {
        this.sentenceChecks = checks.oneSentence();
        this.wholeChecks = checks.whole();
        this.limits = Objects.requireNonNull(limits, "limits");
        this.linker = Objects.requireNonNull(linker, "linker");
        this.completion = new LimitsCompletion(limits);
    }

    /**
     * Starts judging an answer as it is written; {@code boundary} is the prompt's marker (a sentence
     * echoing it is withheld), empty when there was no prompt.
     */
    public SentenceRelease release(String question, Retrieval retrieval, String boundary, Consumer<String> deltas) {
        return new SentenceRelease(this, question, retrieval, boundary, deltas);
    }

    /** Every check on a whole answer, in the one order ({@link LibraryChecks}). */
    public GuardResult whole(String question, ComposedAnswer answer, Retrieval retrieval) {
        return wholeChecks.check(question, answer, retrieval);
    }

    ComposedAnswer link(String text, Retrieval retrieval) {
        return linker.link(text, retrieval);
    }

    /**
     * The passage sentence, marked, that supplies what the finished answer leaves out (a limit of
     * confidentiality, "varies by state"), so that the sentences held for it can be released.
     */
    public Optional<String> completion(String question, List<String> sentences, Retrieval retrieval) {
        return completion.cure(question, String.join(" ", sentences), retrieval).map(LimitsCompletion.Addition::marked);
    }

    /** The checks that need only the sentence: run once per sentence (grounding embeds it). */
    public Local local(String question, String sentence, Retrieval retrieval) {
        ComposedAnswer alone = linker.link(sentence, retrieval);
        GuardResult result = sentenceChecks.check(question, alone, retrieval);
        List<GuardCheck> failed =
                result.checks().stream().filter(c -> !c.passed()).toList();
        if (result.verdict() == Verdict.BLOCKED || result.answer().abstained()) {
            return new Local(
                    sentence, "", failed.isEmpty() ? List.of(new GuardCheck("sentence", false, "blocked")) : failed);
        }
        String kept = result.answer().text().strip();
        // A check that removed the sentence itself (not just a stray marker) leaves nothing to release.
        List<Sentence> parts = splitter.split(kept);
        return new Local(sentence, parts.size() == 1 ? kept : "", failed);
    }

    /**
     * Whether {@code local}'s sentence may be released after {@code before}, given the sentences
     * that have already passed after it ({@code after}); {@code last} when no more text will come.
     */
    public Judgement judge(String question, Local local, List<String> before, List<String> after, boolean last) {
        String sentence = local.dropped() ? local.written() : local.sentence();
        List<String> context = new ArrayList<>(before);
        context.add(sentence);
        context.addAll(after);
        List<LimitsFinding> own = limits.findings(question, String.join(" ", context)).stream()
                .filter(f -> f.sentence().equals(sentence))
                .toList();
        if (local.dropped()) {
            // Already withheld; the limits rules it breaks are named too, so a redraft is told of them.
            own = own.stream().filter(f -> !f.rule().answerLevel()).toList();
        } else if (own.isEmpty()) {
            return new Judgement(Outcome.PASS, local.sentence(), local.failed());
        } else if (!last && own.stream().allMatch(f -> f.rule().answerLevel())) {
            return new Judgement(Outcome.HOLD, local.sentence(), List.of());
        }
        List<LimitsFinding> advice = own.stream()
                .filter(f -> f.rule() == LimitsRule.DIAGNOSIS_OR_LEGAL_ADVICE)
                .toList();
        List<LimitsFinding> rules = own.stream()
                .filter(f -> f.rule() != LimitsRule.DIAGNOSIS_OR_LEGAL_ADVICE)
                .toList();
        List<GuardCheck> failed = new ArrayList<>(local.failed());
        if (!rules.isEmpty()) {
            failed.add(LimitsGuardrail.guardCheck(LimitsGuardrail.LIMITS, rules, "withheld"));
        }
        if (!advice.isEmpty()) {
            failed.add(LimitsGuardrail.guardCheck(LimitsGuardrail.ADVICE, advice, "withheld"));
        }
        return new Judgement(Outcome.DROP, "", failed);
    }
}
