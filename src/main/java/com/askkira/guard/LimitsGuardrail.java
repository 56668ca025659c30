package com.askkira.guard;

import com.askkira.answer.Citation;
import com.askkira.answer.CitationMarkers;
import com.askkira.answer.ComposedAnswer;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs {@link ConfidentialityLimitsCheck} on an answer. It never rewrites a sentence: an answer
 * that only leaves something out (no limit named, no word that the rule varies by state) is
 * {@code revised} by adding the retrieved passage sentence that says it ({@link LimitsCompletion});
 * an answer whose offending sentences can simply be dropped, leaving at least one cited sentence
 * and no finding, is {@code revised} to the sentences that remain (citations keep their numbers;
 * those no longer used are dropped); any other answer with a finding is {@code blocked}, returned
 * as it was, for a later stage to replace with a safe answer.
 */
public final class LimitsGuardrail implements Guardrail {
    public static final String LIMITS = "confidentiality-limits";
    static final String ADVICE = "no-diagnosis-or-legal-advice";
    static final int MAX_DETAIL = 300;

    private final ConfidentialityLimitsCheck check;
    private final LimitsCompletion completion;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public LimitsGuardrail(ConfidentialityLimitsCheck check) {
        this.check = Objects.requireNonNull(check, "check");
        this.completion = new LimitsCompletion(check);
    }

    /** A limit named by a later sentence cures an earlier one: streaming judges this in context. */
    @Override
    public boolean judgesOneSentence() {
        return false;
    }

    @Override
    public GuardResult check(String question, ComposedAnswer answer, Retrieval retrieval) {
        if (answer.abstained()) {
            return new GuardResult(
                    Verdict.PASS,
                    List.of(
                            new GuardCheck(LIMITS, true, "abstention states no rule"),
                            new GuardCheck(ADVICE, true, "abstention")),
                    answer);
        }
        List<LimitsFinding> findings = check.findings(question, answer.text());
        List<LimitsFinding> limits = findings.stream()
                .filter(f -> f.rule() != LimitsRule.DIAGNOSIS_OR_LEGAL_ADVICE)
                .toList();
        List<LimitsFinding> advice = findings.stream()
                .filter(f -> f.rule() == LimitsRule.DIAGNOSIS_OR_LEGAL_ADVICE)
                .toList();
        if (findings.isEmpty()) {
            return new GuardResult(
                    Verdict.PASS,
                    List.of(
                            new GuardCheck(LIMITS, true, "states the limits of confidentiality as the library does"),
                            new GuardCheck(ADVICE, true, "no diagnosis, no advice on the reader's own case")),
                    answer);
        }
        Optional<LimitsCompletion.Addition> addition = completion.cure(question, answer.text(), retrieval);
        if (addition.isPresent()) {
            String outcome = "completed from passage [" + addition.get().n() + "]";
            return new GuardResult(
                    Verdict.REVISED,
                    List.of(guardCheck(LIMITS, limits, outcome), guardCheck(ADVICE, advice, outcome)),
                    LimitsCompletion.added(answer, addition.get()));
        }
        Optional<ComposedAnswer> revised = withoutOffendingSentences(question, answer, findings);
        String outcome = revised.isPresent() ? "removed " + offending(findings).size() + " sentence(s)" : "blocked";
        List<GuardCheck> checks = List.of(guardCheck(LIMITS, limits, outcome), guardCheck(ADVICE, advice, outcome));
        return revised.map(r -> new GuardResult(Verdict.REVISED, checks, r))
                .orElseGet(() -> new GuardResult(Verdict.BLOCKED, checks, answer));
    }

    /** The answer without its offending sentences, if that leaves a cited sentence and no finding. */
    private Optional<ComposedAnswer> withoutOffendingSentences(
            String question, ComposedAnswer answer, List<LimitsFinding> findings) {
        Set<String> offending = offending(findings);
        Set<Integer> cited = answer.citations().stream().map(Citation::n).collect(Collectors.toSet());
        List<String> kept = new ArrayList<>();
        boolean keptACitedSentence = false;
        for (Sentence s : splitter.split(answer.text())) {
            if (!offending.contains(s.text())) {
                kept.add(s.text());
                keptACitedSentence |= CitationMarkers.numbers(s.text()).stream().anyMatch(cited::contains);
            }
        }
        if (!keptACitedSentence) {
            return Optional.empty();
        }
        ComposedAnswer revised = answer.keeping(kept);
        if (!check.findings(question, revised.text()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(revised);
    }

    private static Set<String> offending(List<LimitsFinding> findings) {
        return findings.stream().map(LimitsFinding::sentence).collect(Collectors.toSet());
    }

    /** "2 findings (blocked): ABSOLUTE_CONFIDENTIALITY in "Nothing you say…"; …", at most 300 chars. */
    static GuardCheck guardCheck(String name, List<LimitsFinding> findings, String outcome) {
        if (findings.isEmpty()) {
            return new GuardCheck(name, true, "no finding");
        }
        StringBuilder detail = new StringBuilder()
                .append(findings.size())
                .append(findings.size() == 1 ? " finding (" : " findings (")
                .append(outcome)
                .append("): ");
        String rules = findings.stream().map(f -> f.rule().name()).distinct().collect(Collectors.joining(", "));
        String each = findings.stream()
                .map(f -> f.rule().name() + " in \"" + excerpt(f.sentence()) + "\"")
                .collect(Collectors.joining("; "));
        String full = detail + each;
        String text = full.length() <= MAX_DETAIL ? full : detail + rules;
        return new GuardCheck(
                name, false, text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…");
    }

    private static String excerpt(String sentence) {
        return sentence.length() <= 48 ? sentence : sentence.substring(0, 47) + "…";
    }
}
