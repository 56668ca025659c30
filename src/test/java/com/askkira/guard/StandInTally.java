package com.askkira.guard;

import com.askkira.TestKira;
import com.askkira.answer.CitationMarkers;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.retrieval.Passage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the reader gets of model answers whose sentences are labelled ({@code supported}, {@code
 * rests_on}), through the whole output guardrail: the faithful sentences withheld as written, how
 * many of those a stand-in from the passage keeps the point of, and the flawed sentences released.
 */
record StandInTally(int faithfulWithheld, int keptByStandIn, int standIns, int flawed, int flawedReleased) {
    /** Words too common to say that a stand-in and a labelled passage sentence make the same point. */
    private static final Set<String> COMMON = Set.of(
            "the", "and", "for", "are", "that", "this", "with", "from", "their", "they", "can", "may", "not", "any",
            "which", "who", "what", "when", "where", "than", "also", "only", "there", "under", "its", "has", "have");

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();

    static StandInTally of(Iterable<JsonNode> answers) {
        int faithfulWithheld = 0, keptByStandIn = 0, flawed = 0, flawedReleased = 0, standIns = 0;
        for (JsonNode a : answers) {
            String question = a.get("question").asText();
            List<Passage> passages = WrittenAnswers.passages(a);
            GuardResult result = TestKira.shared()
                    .outputGuardrail()
                    .judged(question, a.get("answer").asText(), passages);
            List<String> released = plain(result.answer().text());
            List<String> written = new ArrayList<>();
            a.get("sentences")
                    .forEach(
                            s -> written.add(CitationMarkers.strip(s.get("text").asText())));
            List<String> added =
                    released.stream().filter(s -> !written.contains(s)).toList();
            standIns += added.size();
            for (JsonNode labelled : a.get("sentences")) {
                String sentence = CitationMarkers.strip(labelled.get("text").asText());
                if (!labelled.get("supported").asBoolean()) {
                    flawed++;
                    flawedReleased += released.contains(sentence) ? 1 : 0;
                } else if (!released.contains(sentence)) {
                    faithfulWithheld++;
                    String restsOn = labelled.get("rests_on").asText();
                    keptByStandIn += added.stream().anyMatch(s -> samePoint(s, restsOn)) ? 1 : 0;
                }
            }
        }
        return new StandInTally(faithfulWithheld, keptByStandIn, standIns, flawed, flawedReleased);
    }

    String line(String set) {
        return String.format(
                Locale.ROOT,
                "Stand-ins on %s: %d faithful sentences withheld as written, the point of %d kept by a stand-in;"
                        + " %d stand-ins in all; flawed sentences released as written %d/%d",
                set,
                faithfulWithheld,
                keptByStandIn,
                standIns,
                flawedReleased,
                flawed);
    }

    private static List<String> plain(String text) {
        return SPLITTER.split(text).stream()
                .map(Sentence::text)
                .map(CitationMarkers::strip)
                .toList();
    }

    /** Most of the stand-in's words are in what the writer said the sentence rests on. */
    private static boolean samePoint(String standIn, String restsOn) {
        Set<String> said = words(standIn);
        Set<String> source = words(restsOn);
        long shared = said.stream().filter(source::contains).count();
        return !said.isEmpty() && shared >= 0.6 * said.size();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> w.length() > 2 && !COMMON.contains(w))
                .collect(Collectors.toSet());
    }
}
