package com.askkira.guard;

import com.askkira.answer.Citation;
import com.askkira.answer.CitationMarkers;
import com.askkira.answer.ComposedAnswer;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each sentence must be supported by a passage it cites. A sentence quoted from its passage is
 * supported as it stands; any other is scored ({@link SupportScorer}). Unsupported or uncited
 * sentences are removed ({@code revised}); an answer left with nothing is blocked.
 */
public final class GroundedGuardrail implements Guardrail {
    static final String NAME = "grounded";

    private final SupportScorer scorer;
    private final SentenceSplitter splitter;

    public GroundedGuardrail(SupportScorer scorer, SentenceSplitter splitter) {
        this.scorer = scorer;
        this.splitter = splitter;
    }

    @Override
    public GuardResult check(String question, ComposedAnswer answer, Retrieval retrieval) {
        if (answer.abstained()) {
            return new GuardResult(Verdict.PASS, List.of(new GuardCheck(NAME, true, "abstention makes no claim")), answer);
        }
        Map<Integer, Passage> cited = citedPassages(answer, retrieval);
        List<String> kept = new ArrayList<>();
        int removed = 0;
        for (Sentence sentence : splitter.split(answer.text())) {
            if (supported(sentence.text(), cited)) {
                kept.add(sentence.text());
            } else {
                removed++;
            }
        }
        if (removed == 0) {
            return new GuardResult(
                    Verdict.PASS, List.of(new GuardCheck(NAME, true, "every sentence is supported by a passage it cites")), answer);
        }
        ComposedAnswer revised = answer.keeping(kept);
        GuardCheck check = new GuardCheck(NAME, false, removed + " sentence(s) not supported by the passages they cite were removed");
        if (kept.isEmpty() || revised.citations().isEmpty()) {
            return new GuardResult(Verdict.BLOCKED, List.of(check), answer);
        }
        return new GuardResult(Verdict.REVISED, List.of(check), revised);
    }

    private boolean supported(String marked, Map<Integer, Passage> cited) {
        List<Passage> passages = CitationMarkers.numbers(marked).stream().map(cited::get).filter(p -> p != null).toList();
        if (passages.isEmpty()) {
            return false;
        }
        String claim = CitationMarkers.strip(marked);
        if (passages.stream().anyMatch(p -> p.chunk().text().contains(claim))) {
            return true;
        }
        SupportScorer.Claim scored = scorer.claim(claim);
        return passages.stream().anyMatch(p -> scorer.support(scored, p) >= SupportScorer.SUPPORTED);
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
