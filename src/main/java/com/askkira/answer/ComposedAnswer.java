package com.askkira.answer;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An answer text with {@code [n]} markers and their citations, or an abstention with its reason
 * and, when the library has sections near the question, those as related reading.
 */
public record ComposedAnswer(
        String text, List<Citation> citations, Optional<AbstainReason> abstainReason, List<RelatedReading> related) {
    public ComposedAnswer {
        citations = List.copyOf(citations);
        related = List.copyOf(related);
        if (abstainReason.isPresent() && !citations.isEmpty()) {
            throw new IllegalArgumentException("an abstention cites nothing");
        }
        if (abstainReason.isEmpty() && !related.isEmpty()) {
            throw new IllegalArgumentException("only an abstention offers related reading");
        }
    }

    public ComposedAnswer(String text, List<Citation> citations, Optional<AbstainReason> abstainReason) {
        this(text, citations, abstainReason, List.of());
    }

    public static ComposedAnswer answered(String text, List<Citation> citations) {
        return new ComposedAnswer(text, citations, Optional.empty());
    }

    public static ComposedAnswer abstained(String text, AbstainReason reason) {
        return abstained(text, reason, List.of());
    }

    public static ComposedAnswer abstained(String text, AbstainReason reason, List<RelatedReading> related) {
        return new ComposedAnswer(text, List.of(), Optional.of(reason), related);
    }

    /**
     * This answer cut down to {@code sentences} (taken from its text, in order): citations no
     * sentence still marks are dropped, and the rest keep their numbers.
     */
    public ComposedAnswer keeping(List<String> sentences) {
        String kept = String.join(" ", sentences);
        Set<Integer> marked = Set.copyOf(CitationMarkers.numbers(kept));
        return new ComposedAnswer(
                kept, citations.stream().filter(c -> marked.contains(c.n())).toList(), abstainReason, related);
    }

    public boolean abstained() {
        return abstainReason.isPresent();
    }
}
