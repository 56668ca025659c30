package com.askkira.eval;

import com.askkira.TestKira;
import com.askkira.answer.AbstainReason;
import com.askkira.answer.Citation;
import com.askkira.corpus.Chunk;
import com.askkira.guard.ConfidentialityLimitsCheck;
import com.askkira.language.SpanishGloss;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.ReaderRetriever;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Retriever;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The frozen blind sets ({@code frozen/blind-*.json}), each written by a writer who saw only the
 * library, never the code or the other sets, and the figures issue 9 judges Kira by on them. The
 * tests that read them print only aggregates, never an item.
 */
final class BlindSets {
    private static final SpanishGloss SPANISH = SpanishGloss.fromResources();
    private static final Retriever READERS =
            ReaderRetriever.over(TestKira.shared().retriever(), SPANISH);

    private BlindSets() {}

    record Item(
            String kind,
            String question,
            List<Turn> history,
            String expect,
            List<String> expected,
            List<List<String>> facts) {}

    /**
     * @param searchHit3 answerable questions (plain, follow-up, Spanish, look-alikes that expect an
     *     answer) whose search top 3 holds an answering section
     * @param citationHit3 ...whose answer cites an answering section among its first 3 citations
     * @param facts share of the facts a correct answer must state that the answer states
     * @param answerableDeclined share of them declined (abstained, or help lines only)
     * @param gapsDeclined in-field questions the library does not answer, declined as not_covered
     * @param outsideDeclined questions outside the field, declined (any reason)
     * @param crisisRecall crisis messages given help lines; {@code spanishCrisisRecall} of those in Spanish
     * @param lookAlikesAnswered look-alikes not given a crisis reply, and answered when they should be
     * @param overclaims answers the confidentiality-limits check finds a rule broken in
     */
    record Figures(
            double searchHit3,
            double citationHit3,
            double facts,
            double answerableDeclined,
            double gapsDeclined,
            double outsideDeclined,
            double crisisRecall,
            double spanishCrisisRecall,
            double lookAlikesAnswered,
            int overclaims,
            int answerable,
            int crisis) {

        static Figures of(List<Item> items) {
            ConfidentialityLimitsCheck limits = new ConfidentialityLimitsCheck();
            int answerable = 0, searchHits = 0, citationHits = 0, declined = 0, factsTotal = 0, factsStated = 0;
            int gaps = 0, gapsDeclined = 0, outside = 0, outsideDeclined = 0;
            int crisis = 0, crisisHelped = 0, spanishCrisis = 0, spanishHelped = 0, lookAlikes = 0, lookAlikesOk = 0;
            int overclaims = 0;
            for (Item item : items) {
                AnswerResponse response =
                        TestKira.shared().answers().answer(new AnswerRequest(item.question(), item.history()));
                if (!response.abstained()
                        && !limits.findings(item.question(), response.answer()).isEmpty()) {
                    overclaims++;
                }
                boolean helpOnly =
                        response.safety().crisis() && response.citations().isEmpty();
                switch (item.kind()) {
                    case "crisis" -> {
                        crisis++;
                        crisisHelped += response.safety().crisis() ? 1 : 0;
                        if (SPANISH.isSpanish(item.question())) {
                            spanishCrisis++;
                            spanishHelped += response.safety().crisis() ? 1 : 0;
                        }
                    }
                    case "gap" -> {
                        gaps++;
                        gapsDeclined += response.abstainReason() == AbstainReason.NOT_COVERED ? 1 : 0;
                    }
                    case "outside" -> {
                        outside++;
                        outsideDeclined += response.abstained() ? 1 : 0;
                    }
                    default -> {
                        boolean answerExpected = item.expect().equals("answer");
                        if (item.kind().equals("look-alike")) {
                            lookAlikes++;
                            boolean ok = !response.safety().crisis()
                                    && (answerExpected ? !response.abstained() : response.abstained());
                            lookAlikesOk += ok ? 1 : 0;
                        }
                        if (!answerExpected) {
                            continue;
                        }
                        answerable++;
                        searchHits += searchHit(item) ? 1 : 0;
                        List<Citation> cited = response.citations();
                        citationHits += cited.stream()
                                        .limit(3)
                                        .anyMatch(c -> item.expected().contains(Chunk.sectionKeyOf(c.chunkId())))
                                ? 1
                                : 0;
                        declined += response.abstained() || helpOnly ? 1 : 0;
                        String answer = response.answer().toLowerCase(Locale.ROOT);
                        for (List<String> fact : item.facts()) {
                            factsTotal++;
                            factsStated +=
                                    fact.stream().anyMatch(p -> answer.contains(p.toLowerCase(Locale.ROOT))) ? 1 : 0;
                        }
                    }
                }
            }
            return new Figures(
                    share(searchHits, answerable),
                    share(citationHits, answerable),
                    share(factsStated, factsTotal),
                    share(declined, answerable),
                    share(gapsDeclined, gaps),
                    share(outsideDeclined, outside),
                    share(crisisHelped, crisis),
                    share(spanishHelped, spanishCrisis),
                    share(lookAlikesOk, lookAlikes),
                    overclaims,
                    answerable,
                    crisis);
        }

        String table(String name) {
            return String.format(
                    Locale.ROOT,
                    "Frozen %s (%d answerable, %d crisis): search hit@3 %.3f, answer citations hit@3 %.3f,"
                            + " facts %.3f, answerable declined %.3f, gaps declined %.3f, outside declined %.3f,"
                            + " crisis recall %.3f (Spanish %.3f), look-alikes answered %.3f, overclaims %d",
                    name,
                    answerable,
                    crisis,
                    searchHit3,
                    citationHit3,
                    facts,
                    answerableDeclined,
                    gapsDeclined,
                    outsideDeclined,
                    crisisRecall,
                    spanishCrisisRecall,
                    lookAlikesAnswered,
                    overclaims);
        }

        /** The figures a set of answerable questions has. */
        String answerableTable(String name) {
            return String.format(
                    Locale.ROOT,
                    "%s (%d answerable): search hit@3 %.3f, answer citations hit@3 %.3f, facts %.3f,"
                            + " answerable declined %.3f, overclaims %d",
                    name,
                    answerable,
                    searchHit3,
                    citationHit3,
                    facts,
                    answerableDeclined,
                    overclaims);
        }

        /**
         * As {@code GET /v1/search} and the answer search: through the reader's retriever, which
         * glosses a Spanish question into the library's English; with the conversation, as the answer's.
         */
        private static boolean searchHit(Item item) {
            return READERS.retrieve(new RetrievalQuery(item.question(), item.history()), 3).passages().stream()
                    .map(Passage::chunk)
                    .anyMatch(c -> item.expected().contains(c.sectionKey()));
        }

        private static double share(int part, int whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }

    /** The items of {@code /frozen/<file>}. */
    static List<Item> read(String file) throws IOException {
        try (InputStream in = BlindSets.class.getResourceAsStream("/frozen/" + file)) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Item> read = new ArrayList<>();
            for (JsonNode n : root.get("items")) {
                List<Turn> history = new ArrayList<>();
                // Set 4 gives the reader's earlier questions as strings; later sets give each turn's role.
                n.path("history")
                        .forEach(h -> history.add(
                                h.isTextual()
                                        ? new Turn(Turn.Role.USER, h.asText())
                                        : new Turn(
                                                Turn.Role.valueOf(
                                                        h.get("role").asText().toUpperCase(Locale.ROOT)),
                                                h.get("content").asText())));
                List<String> expected = new ArrayList<>();
                n.path("expected").forEach(e -> expected.add(LibrarySections.resolve(e.asText())));
                List<List<String>> facts = new ArrayList<>();
                n.path("facts").forEach(f -> {
                    List<String> phrasings = new ArrayList<>();
                    f.forEach(p -> phrasings.add(p.asText()));
                    facts.add(phrasings);
                });
                read.add(new Item(
                        n.get("kind").asText(),
                        n.get("question").asText(),
                        history,
                        n.path("expect").asText(),
                        expected,
                        facts));
            }
            return read;
        }
    }
}
