package com.askkira.eval;

import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A question with the sections ({@code slug#anchor}) that answer it and the facts a correct answer
 * states (each fact a list of acceptable phrasings, as the library words it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoldenQuestion(
        String id,
        String question,
        List<HistoryTurn> history,
        List<String> expected,
        String kind,
        List<List<String>> facts) {
    public GoldenQuestion {
        facts = facts == null ? List.of() : facts.stream().map(List::copyOf).toList();
        history = history == null ? List.of() : List.copyOf(history);
        expected = expected == null ? List.of() : List.copyOf(expected);
        kind = kind == null ? "other" : kind;
    }

    public List<Turn> turns() {
        return history.stream()
                .map(t -> new Turn("assistant".equals(t.role()) ? Turn.Role.ASSISTANT : Turn.Role.USER, t.content()))
                .toList();
    }

    /** A turn as golden files write it. */
    public record HistoryTurn(String role, String content) {}
}
