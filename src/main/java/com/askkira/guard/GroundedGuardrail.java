package com.askkira.guard;

import com.askkira.answer.Citation;
import com.askkira.answer.CitationLinker;
import com.askkira.answer.CitationMarkers;
import com.askkira.answer.ComposedAnswer;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.language.EnglishReading;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each sentence must be supported by a passage it cites. A sentence quoted from its passage is
 * supported as it stands; any other is judged ({@link SupportJudge}) and must not say more than
 * the passage ({@link Overstatement}: "always", "automatically", "must", a number the passage
 * lacks). A sentence that cites the wrong passage, when another retrieved passage supports it, is
 * re-linked to that passage rather than removed: a model often numbers passages wrongly, and the
 * claim is still true ({@code revised}). Unsupported, overstated or uncited sentences are removed
 * ({@code revised}); an answer left with nothing is blocked.
 */
public final class GroundedGuardrail implements Guardrail {
    static final String NAME = "grounded";

    private final SupportJudge judge;
    private final SupportScorer scorer;
    private final SentenceSplitter splitter;
    private final ConfidentialityLimitsCheck limits;
    private final Overstatement overstatement = new Overstatement();
    private final CitationLinker linker;
    /** A Spanish sentence is scored, and read for strong words, as its gloss: the passages are English. */
    private final EnglishReading english;

    /**
     * @param limits names the confidentiality rule a removed sentence also breaks, so that a redraft
     *     is told what it got wrong, not only that it was unsupported
     */
    public GroundedGuardrail(
            SupportJudge judge, SentenceSplitter splitter, ConfidentialityLimitsCheck limits, EnglishReading english) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.scorer = judge.scorer();
        this.english = Objects.requireNonNull(english, "english");
        this.splitter = splitter;
        this.limits = limits;
        this.linker = new CitationLinker(splitter);
    }

    @Override
    public GuardResult check(String question, ComposedAnswer answer, Retrieval retrieval) {
        if (answer.abstained()) {
            return new GuardResult(
                    Verdict.PASS, List.of(new GuardCheck(NAME, true, "abstention makes no claim")), answer);
        }
        Map<Integer, Passage> cited = citedPassages(answer, retrieval);
        boolean numberedByPassage = numberedByPassage(answer, retrieval);
        List<String> kept = new ArrayList<>();
        Tally tally = new Tally();
        Set<LimitsRule> misstated = EnumSet.noneOf(LimitsRule.class);
        for (Sentence sentence : splitter.split(answer.text())) {
            Support support = support(sentence.text(), cited);
            if (support instanceof Unsupported && numberedByPassage) {
                support = relinked(sentence.text(), retrieval).orElse(support);
            }
            if (support instanceof Unsupported || support instanceof Overstated) {
                limits.findings(question, sentence.text()).stream()
                        .map(LimitsFinding::rule)
                        .filter(rule -> !rule.answerLevel())
                        .forEach(misstated::add);
                Optional<String> standIn = standIn(sentence.text(), cited).filter(s -> !kept.contains(s));
                if (standIn.isPresent()) {
                    kept.add(standIn.get());
                    tally.replaced.add(support instanceof Overstated o ? o.words() : "");
                    continue;
                }
            }
            switch (support) {
                case Supported s -> kept.add(sentence.text());
                case Relinked r -> {
                    kept.add(r.sentence());
                    tally.relinked++;
                }
                case Unsupported u -> tally.unsupported++;
                case Overstated o -> tally.overstated.add(o.words());
            }
        }
        if (tally.unchanged()) {
            return new GuardResult(
                    Verdict.PASS,
                    List.of(new GuardCheck(NAME, true, "every sentence is supported by a passage it cites")),
                    answer);
        }
        ComposedAnswer revised =
                tally.relinked == 0 ? answer.keeping(kept) : linker.link(String.join(" ", kept), retrieval);
        String detail = tally.describe() + (misstated.isEmpty() ? "" : "; removed text also broke " + misstated);
        GuardCheck check = new GuardCheck(NAME, false, detail);
        if (kept.isEmpty() || revised.citations().isEmpty()) {
            return new GuardResult(Verdict.BLOCKED, List.of(check), answer);
        }
        return new GuardResult(Verdict.REVISED, List.of(check), revised);
    }

    /** What the check did to an answer's sentences. */
    private static final class Tally {
        int unsupported;
        final List<String> overstated = new ArrayList<>();
        int relinked;
        /** One entry a sentence replaced: the strong words it had, or empty when it was unsupported. */
        final List<String> replaced = new ArrayList<>();

        boolean unchanged() {
            return unsupported == 0 && overstated.isEmpty() && relinked == 0 && replaced.isEmpty();
        }

        String describe() {
            List<String> removed = new ArrayList<>();
            if (unsupported > 0) {
                removed.add(unsupported + " sentence(s) not supported by the passages they cite");
            }
            if (!overstated.isEmpty()) {
                removed.add(overstated.size() + " sentence(s) saying more than their passage ("
                        + String.join("; ", overstated) + ")");
            }
            List<String> done = new ArrayList<>();
            if (!removed.isEmpty()) {
                done.add("removed " + String.join(" and ", removed));
            }
            if (!replaced.isEmpty()) {
                List<String> strong =
                        replaced.stream().filter(w -> !w.isEmpty()).toList();
                done.add("replaced " + replaced.size() + " sentence(s) their passage does not support"
                        + (strong.isEmpty() ? "" : " (" + String.join("; ", strong) + ")")
                        + " with the passage's own closest sentence");
            }
            if (relinked > 0) {
                done.add("re-linked " + relinked + " sentence(s) to the " + (done.isEmpty() ? "retrieved " : "")
                        + "passage that supports them");
            }
            return String.join("; ", done);
        }
    }

    /** How a sentence stands against the passages it cites. */
    private sealed interface Support permits Supported, Relinked, Unsupported, Overstated {}

    private record Supported() implements Support {}

    /** Supported by another retrieved passage than the one it cites: {@code sentence} cites that one. */
    private record Relinked(String sentence) implements Support {}

    private record Unsupported() implements Support {}

    /** Close to its passage in meaning and words, but with strong words the passage does not have. */
    private record Overstated(String words) implements Support {}

    private Support support(String marked, Map<Integer, Passage> cited) {
        List<Passage> passages = CitationMarkers.numbers(marked).stream()
                .map(cited::get)
                .filter(p -> p != null)
                .toList();
        if (passages.isEmpty()) {
            return new Unsupported();
        }
        String written = CitationMarkers.strip(marked);
        if (passages.stream().anyMatch(p -> p.chunk().text().contains(written))) {
            return new Supported();
        }
        String claim = english.of(written);
        SupportScorer.Claim scored = scorer.claim(claim);
        // A sentence that cites two passages may take its year from one and its holding from the other.
        List<String> beyond = overstatement.beyond(claim, SupportJudge.Reading.context(passages));
        if (judge.supports(scored, passages)) {
            return beyond.isEmpty() ? new Supported() : new Overstated(String.join(", ", beyond));
        }
        // Close to its passage but for strong words: named, so that a redraft is told which.
        boolean close = passages.stream().anyMatch(p -> scorer.support(scored, p) >= SupportScorer.SUPPORTED);
        return close && !beyond.isEmpty() ? new Overstated(String.join(", ", beyond)) : new Unsupported();
    }

    /**
     * The sentence of a cited passage that comes closest to what an unsupported sentence says, marked
     * with that citation, when it reaches {@link SupportScorer#REPLACEABLE}: the reader keeps the
     * point in the library's own words (a faithful paraphrase the score cannot confirm, or a claim
     * corrected to what the passage says) instead of losing it. A Spanish sentence is not replaced
     * by English, and a list's lead-in ("…the following:") says nothing alone.
     */
    private Optional<String> standIn(String marked, Map<Integer, Passage> cited) {
        String written = CitationMarkers.strip(marked);
        if (!english.of(written).equals(written)) {
            return Optional.empty();
        }
        SupportScorer.Claim claim = scorer.claim(written);
        Optional<String> best = Optional.empty();
        double bestScore = SupportScorer.REPLACEABLE;
        for (int n : CitationMarkers.numbers(marked)) {
            Passage passage = cited.get(n);
            if (passage == null) {
                continue;
            }
            SupportScorer.Span span = scorer.bestSentence(claim, passage);
            if (span.score() >= bestScore && !span.text().strip().endsWith(":")) {
                best = Optional.of(CitationMarkers.mark(span.text(), n));
                bestScore = span.score();
            }
        }
        return best;
    }

    /**
     * The retrieved passage, not cited by the sentence, that supports it best without being
     * overstated; the sentence then cites it instead.
     */
    private Optional<Support> relinked(String marked, Retrieval retrieval) {
        if (CitationMarkers.numbers(marked).isEmpty()) {
            return Optional.empty();
        }
        String written = CitationMarkers.strip(marked);
        String claim = english.of(written);
        SupportScorer.Claim scored = scorer.claim(claim);
        int best = -1;
        double bestStrength = Double.NEGATIVE_INFINITY;
        List<Passage> passages = retrieval.passages();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            if (CitationMarkers.numbers(marked).contains(i + 1)) {
                continue; // already found wanting
            }
            double strength = judge.strength(scored, List.of(p));
            if (strength > bestStrength
                    && judge.supports(scored, List.of(p))
                    && overstatement.beyond(claim, p.chunk().text()).isEmpty()) {
                best = i;
                bestStrength = strength;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Relinked(CitationMarkers.mark(written, best + 1)));
    }

    /** Whether the answer's citation numbers are the passages' places in the retrieval, as a model writes them. */
    private static boolean numberedByPassage(ComposedAnswer answer, Retrieval retrieval) {
        List<Passage> passages = retrieval.passages();
        return answer.citations().stream()
                .allMatch(c -> c.n() >= 1
                        && c.n() <= passages.size()
                        && passages.get(c.n() - 1).chunk().id().equals(c.chunkId()));
    }

    /** Citation number to the retrieved passage it names. */
    private static Map<Integer, Passage> citedPassages(ComposedAnswer answer, Retrieval retrieval) {
        Map<String, Passage> byId = retrieval.passages().stream()
                .collect(Collectors.toMap(p -> p.chunk().id(), Function.identity(), (a, b) -> a));
        return answer.citations().stream()
                .filter(c -> byId.containsKey(c.chunkId()))
                .collect(Collectors.toMap(Citation::n, c -> byId.get(c.chunkId()), (a, b) -> a));
    }
}
