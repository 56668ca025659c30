package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.answer.CitationMarkers;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.retrieval.Passage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A model sentence the grounded check cannot confirm is replaced by the closest sentence of the
 * passage it cites, when that sentence is close enough ({@code Tuning.Grounding.replaceable}), so the
 * reader keeps the point in the library's words. Measured on {@code guard/model-answers-dev-2.json},
 * a dev set: its withheld sentences, judged by hand, chose that bar (docs/tuning.md, session 17).
 * Before stand-ins, every faithful sentence withheld was simply lost.
 */
class StandInSentencesTest {
    /** Words too common to say that a stand-in and a labelled passage sentence make the same point. */
    private static final Set<String> COMMON = Set.of(
            "the", "and", "for", "are", "that", "this", "with", "from", "their", "they", "can", "may", "not", "any",
            "which", "who", "what", "when", "where", "than", "also", "only", "there", "under", "its", "has", "have");

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void should_keep_in_the_passage_words_the_point_of_most_faithful_sentences_the_check_cannot_confirm()
            throws IOException {
        JsonNode answers;
        try (InputStream in = getClass().getResourceAsStream("/guard/model-answers-dev-2.json")) {
            answers = new ObjectMapper().readTree(in).get("answers");
        }
        int faithfulWithheld = 0, keptByStandIn = 0, flawed = 0, flawedReleased = 0, standIns = 0;
        for (JsonNode a : answers) {
            List<String> ids = new ArrayList<>();
            a.get("passages").forEach(id -> ids.add(id.asText()));
            String question = a.get("question").asText();
            List<Passage> passages =
                    TestKira.shared().retriever().over(question, ids).passages();
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
        System.out.printf(
                Locale.ROOT,
                "Stand-ins on model-answers-dev-2: %d faithful sentences withheld as written, the point of %d kept by"
                        + " a stand-in; %d stand-ins in all; flawed sentences released as written %d/%d%n",
                faithfulWithheld,
                keptByStandIn,
                standIns,
                flawedReleased,
                flawed);

        assertThat(keptByStandIn).isGreaterThanOrEqualTo(32);
        assertThat(faithfulWithheld).isLessThanOrEqualTo(49);
        assertThat(flawedReleased).isLessThanOrEqualTo(8);
    }

    private List<String> plain(String text) {
        return splitter.split(text).stream()
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
