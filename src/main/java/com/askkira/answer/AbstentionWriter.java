package com.askkira.answer;

import com.askkira.retrieval.Passage;
import java.util.List;

/**
 * Writes what Kira says when it does not answer: that the library does not cover the question,
 * and what the library does cover, so the reader knows where Kira can help.
 */
public final class AbstentionWriter {
    private final List<String> articleTitles;
    private final List<String> sourceTitles;

    public AbstentionWriter(List<String> articleTitles, List<String> sourceTitles) {
        this.articleTitles = List.copyOf(articleTitles);
        this.sourceTitles = List.copyOf(sourceTitles);
    }

    public ComposedAnswer write(AbstainReason reason, List<Passage> nearest) {
        String covers = "Kira answers from its library, which covers " + quoted(articleTitles)
                + (sourceTitles.isEmpty()
                        ? ""
                        : ", and the sources behind it (" + String.join("; ", sourceTitles) + ")")
                + ".";
        String text = switch (reason) {
            case OUT_OF_SCOPE -> "That question is outside what Kira's library covers, so I can't answer it. " + covers;
            case NOT_COVERED ->
                "Kira's library doesn't answer that question yet, so I won't guess. " + covers
                        + nearestSections(nearest);
            case UNSAFE ->
                "I can't help with that request: Kira gives general information, not a diagnosis or"
                        + " advice about your own situation. A licensed clinician or a lawyer can. " + covers;
        };
        // Only a gap gets reading: outside the field, nothing near is relevant; a declined request is not a question.
        return ComposedAnswer.abstained(
                text, reason, reason == AbstainReason.NOT_COVERED ? related(nearest) : List.of());
    }

    /** The nearest sections, one link each, at most three. */
    private static List<RelatedReading> related(List<Passage> nearest) {
        return nearest.stream()
                .map(p -> RelatedReading.of(p.chunk()))
                .distinct()
                .limit(3)
                .toList();
    }

    private static String nearestSections(List<Passage> nearest) {
        List<String> sections = nearest.stream()
                .map(p -> p.chunk().section())
                .distinct()
                .limit(2)
                .map(s -> "\"" + s + "\"")
                .toList();
        return sections.isEmpty() ? "" : " The closest topics it has are " + String.join(" and ", sections) + ".";
    }

    private static String quoted(List<String> titles) {
        return String.join(", ", titles.stream().map(t -> "\"" + t + "\"").toList());
    }
}
