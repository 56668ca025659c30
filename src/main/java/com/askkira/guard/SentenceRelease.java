package com.askkira.guard;

import com.askkira.answer.AnswerPrompt;
import com.askkira.answer.CitationLinker;
import com.askkira.answer.CitationMarkers;
import com.askkira.answer.ComposedAnswer;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.guard.SentenceJudge.Judgement;
import com.askkira.guard.SentenceJudge.Local;
import com.askkira.guard.SentenceJudge.Outcome;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a model's streamed text into released sentences: a sentence is judged once it is complete
 * (the next one has begun), and handed to {@code deltas} only when it passed every check that can
 * run on it and every sentence before it was released or withheld. A sentence that fails is
 * withheld for good; one that only lacks what a later sentence may add (the limits, "varies by
 * state") waits for the end. The released pieces concatenate to {@link #text()}. Every answer
 * Kira returns passes through here, streamed or not, whichever model wrote it.
 */
public final class SentenceRelease {
    private static final Logger LOG = LoggerFactory.getLogger(SentenceRelease.class);

    private final SentenceJudge judge;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final String question;
    private final Retrieval retrieval;
    private final String boundary;
    private final Consumer<String> deltas;

    private final StringBuilder raw = new StringBuilder();
    private final List<String> released = new ArrayList<>();
    private final List<Local> pending = new ArrayList<>();
    private final List<GuardCheck> withheld = new ArrayList<>();
    private int offered;
    private boolean notInLibrary;

    private long judgingNanos;

    SentenceRelease(
            SentenceJudge judge, String question, Retrieval retrieval, String boundary, Consumer<String> deltas) {
        this.judge = judge;
        this.question = question;
        this.retrieval = retrieval;
        this.boundary = boundary.toLowerCase(Locale.ROOT);
        this.deltas = deltas;
    }

    /** Takes the next piece of the model's text; releases whatever it completes and passes. */
    public void accept(String piece) {
        long start = System.nanoTime();
        raw.append(piece);
        if (offerCompleteSentences(false)) {
            settle(new HashSet<>(), false);
        }
        judgingNanos += System.nanoTime() - start;
    }

    /**
     * A reply that arrives whole (Kira's own offline answer): every sentence is judged at once in the
     * context of all the others, as a stream's are once they have all passed, instead of each alone
     * first and then again as the context grows. Nothing is released before the whole is read, so no
     * reader waits on a round over each sentence alone.
     */
    public void whole(String text) {
        long start = System.nanoTime();
        raw.append(text);
        offerCompleteSentences(true);
        settle(allPending(), false);
        finish();
        judgingNanos += System.nanoTime() - start;
    }

    /**
     * No more text is coming. When the reply {@code complete}d, its last sentence is judged too; a
     * reply cut off midway loses its unfinished sentence. Sentences still waiting are judged against
     * the whole answer and released or withheld.
     */
    public void end(boolean complete) {
        long start = System.nanoTime();
        if (offerCompleteSentences(complete)) {
            settle(new HashSet<>(), false);
        }
        finish();
        judgingNanos += System.nanoTime() - start;
    }

    /** Completes what the answer leaves out, then judges every waiting sentence for the last time. */
    private void finish() {
        List<String> answer = new ArrayList<>(released);
        pending.forEach(p -> answer.add(p.sentence()));
        // Sentences held for a limit or a "varies by state" that never came are released with the library's words for
        // it.
        judge.completion(question, answer, retrieval).ifPresent(added -> {
            withheld.add(new GuardCheck(
                    LimitsGuardrail.LIMITS, false, "left out what the library says; completed with " + added));
            offer(added);
        });
        settle(allPending(), true);
    }

    /**
     * What the reader has, checked whole, with every withheld sentence's check reported: a pass
     * only when nothing was withheld and the whole answer passed as released.
     */
    public GuardResult result() {
        long start = System.nanoTime();
        ComposedAnswer answer = judge.link(text(), retrieval);
        GuardResult whole = judge.whole(question, answer, retrieval);
        if (releasedAny() && !whole.answer().text().equals(answer.text())) {
            // Each released sentence passed the same checks; disagreement here is a bug to hear about.
            LOG.error("Whole-answer checks changed an answer already released ({})", whole.verdict());
        }
        Verdict verdict = withheld.isEmpty() && whole.verdict() == Verdict.PASS ? Verdict.PASS : Verdict.REVISED;
        GuardResult result = new GuardResult(verdict, merged(whole.checks(), withheld), answer);
        judgingNanos += System.nanoTime() - start;
        return result;
    }

    /** Time spent judging so far (the rest of a stream's time is the model's). */
    public long judgingNanos() {
        return judgingNanos;
    }

    /** The released text: what the reader has, sentence by sentence, joined by single spaces. */
    public String text() {
        return String.join(" ", released);
    }

    public boolean releasedAny() {
        return !released.isEmpty();
    }

    /** The model said the passages do not answer the question. */
    public boolean notInLibrary() {
        return notInLibrary;
    }

    /** The checks that withheld a sentence, one entry per sentence and check. */
    public List<GuardCheck> withheld() {
        return List.copyOf(withheld);
    }

    /** Offers every sentence the text has completed; whether it offered any. */
    private boolean offerCompleteSentences(boolean all) {
        String text = CitationLinker.tidy(raw.toString());
        List<Sentence> sentences = splitter.split(text);
        int complete = all ? sentences.size() : sentences.size() - 1;
        // "…consent. [1" is not a new sentence yet: its marker may still move before the stop.
        if (!all && complete > 0 && !hasWords(sentences.get(complete).text())) {
            complete--;
        }
        boolean any = false;
        for (; offered < complete; offered++) {
            offer(sentences.get(offered).text());
            any = true;
        }
        return any;
    }

    private void offer(String sentence) {
        if (sentence.contains(AnswerPrompt.NOT_IN_LIBRARY)) {
            notInLibrary = true;
            return;
        }
        if (!boundary.isEmpty() && sentence.toLowerCase(Locale.ROOT).contains(boundary)) {
            withheld.add(new GuardCheck("no-leak", false, "withheld a sentence that echoed the prompt's markers"));
            return;
        }
        Local local = judge.local(question, sentence, retrieval);
        if (local.sentence().isEmpty()) {
            withheld.addAll(
                    judge.judge(question, local, released, List.of(), true).failed());
            return;
        }
        if (alreadyHas(local.sentence())) {
            // Said already: a stand-in from the passage (or the model repeating itself) is not said twice.
            if (!local.failed().isEmpty()) {
                withheld.add(new GuardCheck(
                        GroundedGuardrail.NAME,
                        false,
                        "removed 1 sentence(s) not supported by the passage it cites, whose closest sentence the"
                                + " answer already has"));
            }
            return;
        }
        pending.add(local);
    }

    /**
     * Judges every waiting sentence in the context of the answer so far and releases the ones at the
     * head that passed. While text is still coming, only sentences that passed count as context
     * (growing to a fixed point), so a sentence is never released on the strength of one that may
     * yet be withheld; at the end, and for a reply read whole, every waiting sentence counts at
     * first ({@code passed}), and those that still break a rule are withheld until what remains
     * holds together.
     */
    private void settle(Set<Integer> passed, boolean last) {
        List<Judgement> judgements = List.of();
        for (int round = 0; round <= pending.size(); round++) {
            judgements = judgeAll(passed, last);
            Set<Integer> next = new HashSet<>();
            for (int i = 0; i < judgements.size(); i++) {
                if (judgements.get(i).outcome() == Outcome.PASS) {
                    next.add(i);
                }
            }
            if (next.equals(passed)) {
                break;
            }
            passed = next;
        }
        List<Local> stillWaiting = new ArrayList<>();
        boolean blocked = false;
        for (int i = 0; i < pending.size(); i++) {
            Judgement judgement = judgements.get(i);
            switch (judgement.outcome()) {
                case DROP -> withheld.addAll(judgement.failed());
                case PASS -> {
                    if (blocked) {
                        stillWaiting.add(pending.get(i));
                    } else {
                        release(judgement.sentence());
                        withheld.addAll(judgement.failed());
                    }
                }
                case HOLD -> {
                    blocked = true;
                    stillWaiting.add(pending.get(i));
                }
            }
        }
        pending.clear();
        pending.addAll(stillWaiting);
    }

    private List<Judgement> judgeAll(Set<Integer> context, boolean last) {
        List<Judgement> judgements = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            List<String> before = new ArrayList<>(released);
            List<String> after = new ArrayList<>();
            for (int j = 0; j < pending.size(); j++) {
                if (j != i && context.contains(j)) {
                    (j < i ? before : after).add(pending.get(j).sentence());
                }
            }
            judgements.add(judge.judge(question, pending.get(i), before, after, last));
        }
        return judgements;
    }

    private boolean alreadyHas(String sentence) {
        return released.contains(sentence)
                || pending.stream().anyMatch(p -> p.sentence().equals(sentence));
    }

    private Set<Integer> allPending() {
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < pending.size(); i++) {
            all.add(i);
        }
        return all;
    }

    private void release(String sentence) {
        deltas.accept(released.isEmpty() ? sentence : " " + sentence);
        released.add(sentence);
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

    private static boolean hasWords(String sentence) {
        return CitationMarkers.strip(sentence).chars().anyMatch(Character::isLetter);
    }
}
