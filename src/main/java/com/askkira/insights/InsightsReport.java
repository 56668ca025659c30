package com.askkira.insights;

import java.util.List;
import java.util.Map;

/** The body of {@code GET /v1/admin/insights}, field for field as the contract names them. */
public record InsightsReport(
        List<NotCovered> notCovered,
        Map<String, Long> abstentions,
        List<DownVote> downVoted,
        List<SectionCitations> sections,
        List<Day> daily) {
    public InsightsReport {
        notCovered = List.copyOf(notCovered);
        abstentions = Map.copyOf(abstentions);
        downVoted = List.copyOf(downVoted);
        sections = List.copyOf(sections);
        daily = List.copyOf(daily);
    }

    /** Questions the library did not cover that mean the same thing, most asked first. */
    public record NotCovered(String question, long count, List<String> examples) {}

    public record DownVote(String answerId, String question, String comment) {}

    public record SectionCitations(String section, long citations) {}

    public record Day(String date, long answers, long abstained, long crisis) {}
}
