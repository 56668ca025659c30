package com.askkira.guard;

import com.askkira.answer.CitationMarkers;
import com.askkira.answer.ComposedAnswer;
import com.askkira.cache.RecentResults;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An answer must not repeat Kira's instructions (a prompt-injection success looks like this) nor
 * carry personal data: a sentence that shares a run of {@value #RUN} words with the instructions,
 * or in which the redactor finds a name, number or address, is removed; nothing left, blocked.
 */
public final class NoLeakGuardrail implements Guardrail {
    static final String NAME = "no-leak";
    static final int RUN = 8;
    private static final int RECENT = 8_192;

    private final Set<String> instructionRuns;
    private final PiiRedactor redactor;
    private final SentenceSplitter splitter;
    /**
     * What each of the last few thousand sentences leaks: offline answers quote the library's
     * sentences, so the same few hundred come back answer after answer, and the instructions' runs
     * and the redactor (over a hundred patterns) give the same text the same verdict.
     */
    private final RecentResults<String, Leak> leaks = new RecentResults<>(RECENT);

    /** What a sentence gives away, if anything. */
    private enum Leak {
        INSTRUCTIONS,
        PERSONAL_DATA,
        NOTHING
    }

    public NoLeakGuardrail(String instructions, PiiRedactor redactor, SentenceSplitter splitter) {
        this.instructionRuns = runs(instructions);
        this.redactor = redactor;
        this.splitter = splitter;
    }

    @Override
    public GuardResult check(String question, ComposedAnswer answer, Retrieval retrieval) {
        List<String> kept = new ArrayList<>();
        int prompt = 0;
        int personal = 0;
        for (Sentence sentence : splitter.split(answer.text())) {
            switch (leaks.get(CitationMarkers.strip(sentence.text()), this::leak)) {
                case INSTRUCTIONS -> prompt++;
                case PERSONAL_DATA -> personal++;
                case NOTHING -> kept.add(sentence.text());
            }
        }
        if (prompt + personal == 0) {
            return new GuardResult(
                    Verdict.PASS, List.of(new GuardCheck(NAME, true, "no instructions or personal data")), answer);
        }
        GuardCheck check = new GuardCheck(
                NAME,
                false,
                "removed " + prompt + " sentence(s) repeating Kira's instructions and " + personal
                        + " carrying personal data");
        ComposedAnswer revised = answer.keeping(kept);
        if (kept.isEmpty() || (!answer.abstained() && revised.citations().isEmpty())) {
            return new GuardResult(Verdict.BLOCKED, List.of(check), answer);
        }
        return new GuardResult(Verdict.REVISED, List.of(check), revised);
    }

    private Leak leak(String claim) {
        if (runs(claim).stream().anyMatch(instructionRuns::contains)) {
            return Leak.INSTRUCTIONS;
        }
        return redactor.redact(claim).changed() ? Leak.PERSONAL_DATA : Leak.NOTHING;
    }

    /** Every run of {@link #RUN} consecutive words, lower-cased, punctuation dropped. */
    private static Set<String> runs(String text) {
        String[] words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toArray(String[]::new);
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + RUN <= words.length; i++) {
            runs.add(String.join(" ", Arrays.copyOfRange(words, i, i + RUN)));
        }
        return runs;
    }
}
