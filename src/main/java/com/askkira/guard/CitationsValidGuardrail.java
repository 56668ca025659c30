package com.askkira.guard;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.Citation;
import com.askkira.answer.CitationMarkers;
import com.askkira.answer.ComposedAnswer;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every {@code [n]} must name a citation, and every citation must quote, verbatim, a passage that
 * retrieval actually returned. Markers to nothing are removed and unused or false citations are
 * dropped ({@code revised}); an answer left with no valid citation is blocked.
 */
public final class CitationsValidGuardrail implements Guardrail {
    static final String NAME = "citations-valid";

    private final AbstentionWriter abstentions;

    public CitationsValidGuardrail(AbstentionWriter abstentions) {
        this.abstentions = abstentions;
    }

    @Override
    public GuardResult check(String question, ComposedAnswer answer, Retrieval retrieval) {
        if (answer.abstained()) {
            return new GuardResult(
                    Verdict.PASS, List.of(new GuardCheck(NAME, true, "abstention cites nothing")), answer);
        }
        Map<String, Passage> given = retrieval.passages().stream()
                .collect(Collectors.toMap(p -> p.chunk().id(), Function.identity(), (a, b) -> a));
        List<Citation> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Citation c : answer.citations()) {
            Passage passage = given.get(c.chunkId());
            if (passage == null) {
                problems.add("[" + c.n() + "] cites a passage that was not retrieved");
            } else if (!passage.chunk().text().contains(c.quote())) {
                problems.add("[" + c.n() + "] quote is not the passage's text");
            } else {
                valid.add(c);
            }
        }
        Set<Integer> validNumbers = valid.stream().map(Citation::n).collect(Collectors.toSet());
        Set<Integer> used = new TreeSet<>(CitationMarkers.numbers(answer.text()));
        String text = answer.text();
        for (int n : used) {
            if (!validNumbers.contains(n)) {
                problems.add("[" + n + "] had no valid citation and was removed");
                text = text.replace(" [" + n + "]", "").replace("[" + n + "]", "");
            }
        }
        List<Citation> cited = valid.stream().filter(c -> used.contains(c.n())).toList();
        if (cited.isEmpty()) {
            return new GuardResult(
                    Verdict.BLOCKED,
                    List.of(new GuardCheck(NAME, false, "no sentence is backed by a retrieved passage")),
                    abstentions.write(AbstainReason.NOT_COVERED, retrieval.passages()));
        }
        if (problems.isEmpty() && cited.size() == answer.citations().size()) {
            return new GuardResult(
                    Verdict.PASS,
                    List.of(new GuardCheck(
                            NAME,
                            true,
                            used.size() + (used.size() == 1 ? " marker" : " markers")
                                    + ", each quoting a retrieved passage verbatim")),
                    answer);
        }
        return new GuardResult(
                Verdict.REVISED,
                List.of(new GuardCheck(NAME, false, String.join("; ", problems))),
                ComposedAnswer.answered(text, cited));
    }
}
