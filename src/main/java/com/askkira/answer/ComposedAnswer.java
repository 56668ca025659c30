package com.askkira.answer;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An answer text with {@code [n]} markers and their citations, or an abstention with its reason. */
public record ComposedAnswer(String text, List<Citation> citations, Optional<AbstainReason> abstainReason) {
    public ComposedAnswer {
        citations = List.copyOf(citations);
        if (abstainReason.isPresent() && !citations.isEmpty()) {
            throw new IllegalArgumentException("an abstention cites nothing");
        }
    }

    public static ComposedAnswer answered(String text, List<Citation> citations) {
        return new ComposedAnswer(text, citations, Optional.empty());
    }

    public static ComposedAnswer abstained(String text, AbstainReason reason) {
        return new ComposedAnswer(text, List.of(), Optional.of(reason));
    }

    /**
     * This answer cut down to {@code sentences} (taken from its text, in order): citations no
     * sentence still marks are dropped, and the rest keep their numbers.
     */
    public ComposedAnswer keeping(List<String> sentences) {
        String kept = String.join(" ", sentences);
        Set<Integer> marked = Set.copyOf(CitationMarkers.numbers(kept));
        return new ComposedAnswer(
                kept, citations.stream().filter(c -> marked.contains(c.n())).toList(), abstainReason);
    }

    public boolean abstained() {
        return abstainReason.isPresent();
    }
}
