package com.askkira.answer;

import com.askkira.retrieval.Passage;
import java.util.List;

/**
 * Writes what Kira says when it does not answer: that the library does not cover the question,
 * and what the library does cover, so the reader knows where Kira can help.
 */
public final class AbstentionWriter {
    /**
     * Titles named of each kind; the rest are counted. Every title went into every abstention, so
     * at 100 times the shipped library (800 documents) one was about 60 KB that every guard then read,
     * and its cost grew with the library. The shipped library (1 article, 7 sources) is named whole.
     */
    static final int TITLES_NAMED = 8;

    /** What the library covers: the same for every abstention, so written once. */
    private final String covers;

    public AbstentionWriter(List<String> articleTitles, List<String> sourceTitles) {
        List<String> articles = List.copyOf(articleTitles);
        List<String> sources = List.copyOf(sourceTitles);
        this.covers = "Kira answers from its library, which covers "
                + quoted(articles.subList(0, Math.min(articles.size(), TITLES_NAMED)))
                + more(articles.size(), "articles")
                + (sources.isEmpty()
                        ? ""
                        : ", and the sources behind it ("
                                + String.join("; ", sources.subList(0, Math.min(sources.size(), TITLES_NAMED)))
                                + more(sources.size(), "sources")
                                + ")")
                + ".";
    }

    public ComposedAnswer write(AbstainReason reason, List<Passage> nearest) {
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

    /** ", and 22 more articles" past the titles named; nothing when all were named. */
    private static String more(int titles, String kind) {
        return titles > TITLES_NAMED ? ", and " + (titles - TITLES_NAMED) + " more " + kind : "";
    }

    private static String quoted(List<String> titles) {
        return String.join(", ", titles.stream().map(t -> "\"" + t + "\"").toList());
    }
}
