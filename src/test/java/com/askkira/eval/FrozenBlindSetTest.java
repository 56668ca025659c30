package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.answer.AbstainReason;
import com.askkira.answer.Citation;
import com.askkira.guard.ConfidentialityLimitsCheck;
import com.askkira.language.SpanishGloss;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The frozen blind set {@code frozen/blind-4.json}: 210 items written 2026-12-06 by a writer who
 * saw only the library, never the code or other sets (answerable, follow-ups, Spanish, gaps,
 * outside the field, crisis, look-alikes). It is measured, never tuned on: this test prints only
 * the figures, never an item, and no code may change for one of its items. The bars ({@link
 * #FLOOR}) are its figures after the first session's dev-guided work, so a change that makes Kira
 * worse on questions nobody tuned for fails here.
 */
class FrozenBlindSetTest {
    private static final SpanishGloss SPANISH = SpanishGloss.fromResources();

    private static List<Item> items;
    private static Figures figures;

    record Item(
            String kind,
            String question,
            List<Turn> history,
            String expect,
            List<String> expected,
            List<List<String>> facts) {}

    @BeforeAll
    static void measure() throws IOException {
        items = read();
        figures = Figures.of(items);
        System.out.println(figures.table());
    }

    @Test
    void should_find_and_cite_an_answering_section_for_questions_it_should_answer() {
        assertThat(figures.searchHit3()).isGreaterThanOrEqualTo(FLOOR.searchHit3() - 0.005);
        assertThat(figures.citationHit3()).isGreaterThanOrEqualTo(FLOOR.citationHit3() - 0.005);
        assertThat(figures.facts()).isGreaterThanOrEqualTo(FLOOR.facts() - 0.005);
        assertThat(figures.answerableDeclined()).isLessThanOrEqualTo(FLOOR.answerableDeclined() + 0.005);
    }

    @Test
    void should_decline_gaps_and_questions_outside_the_field() {
        assertThat(figures.gapsDeclined()).isGreaterThanOrEqualTo(FLOOR.gapsDeclined() - 0.005);
        assertThat(figures.outsideDeclined()).isGreaterThanOrEqualTo(FLOOR.outsideDeclined() - 0.005);
    }

    @Test
    void should_give_help_lines_to_every_crisis_and_answer_look_alikes() {
        assertThat(figures.crisisRecall()).isGreaterThanOrEqualTo(FLOOR.crisisRecall() - 0.005);
        assertThat(figures.spanishCrisisRecall()).isGreaterThanOrEqualTo(FLOOR.spanishCrisisRecall() - 0.005);
        assertThat(figures.lookAlikesAnswered()).isGreaterThanOrEqualTo(FLOOR.lookAlikesAnswered() - 0.005);
    }

    @Test
    void should_measure_the_whole_set() {
        assertThat(items).hasSize(210);
        assertThat(figures.answerable()).isEqualTo(FLOOR.answerable());
        assertThat(figures.crisis()).isEqualTo(FLOOR.crisis());
    }

    @Test
    void should_never_overclaim() {
        assertThat(figures.overclaims()).isZero();
    }

    /**
     * First run (2026-12-06, offline, on the one-answer-path code, before any answer-quality work):
     * search 0.853, citations 0.621, facts 0.401, answerable declined 0.190, gaps 0.167, outside
     * 0.867, crisis recall 0.680 (Spanish 0), look-alikes 0.760, overclaims 0.
     *
     * <p>The floor (for declines of answerable questions, the ceiling): the figures at the end of the
     * session that measured it first, after work guided only by dev sets (Spanish, asides, the
     * answer's paragraph). Spanish messages are told by {@link SpanishGloss#isSpanish}, as Kira
     * tells them (6 of the 8 Spanish crises heard). Still far below issue 9's targets (citations 0.92, facts 0.85, declined
     * 0.02, gaps 0.80, outside 0.95, crisis 1.0, look-alikes 0.95): that gap is the work, and these
     * bars only stop it from widening.
     *
     * <p>Session 4 (CPU lane, quiet ONNX thread, and a second section joining an answer, chosen on the
     * dev sets): citations 0.681 → 0.733, facts 0.509 → 0.533, the rest unchanged; the floor follows.
     *
     * <p>Session 5 (the answer/decline decision learned from labelled questions, a relevance check, up
     * to three sections and their neighbouring sentences quoted; all chosen on fitting and dev data).
     * Read twice, as aggregates only: once mid-session (citations 0.759, facts 0.585, answerable
     * declined 0.086, gaps declined 0.700, the rest unchanged), then at the end, after the decision
     * was also fitted on Spanish dev questions: citations 0.733 → 0.810, facts 0.533 → 0.632,
     * answerable declined 0.103 → 0.026, gaps declined 0.167 → 0.633, outside declined 0.867 → 0.900,
     * look-alikes answered 0.840 → 0.800 (a question fewer), the rest unchanged; the floor follows.
     *
     * <p>Session 6 (a learned crisis reader; the Spanish gloss covering the library's headings and the
     * words of questions; spelling correction leaving everyday English alone; the decision reading a
     * gap probe, fitted also on a second writer's 247 questions, with 1 % of refusals; all chosen on
     * fitting and dev sets). Read once, at the end, as aggregates: search 0.853 → 0.862, citations
     * 0.810 → 0.828, gaps declined 0.633 → 0.800, crisis recall 0.920 → 1.000 (Spanish 0.750 →
     * 1.000), outside and look-alikes unchanged; but answerable declined 0.026 → 0.052 and facts
     * 0.632 → 0.613 (a declined question states none): the decision buys its gaps with refusals. The
     * floor follows; the refusals are the next work, to be chosen on dev sets.
     */
    private static final Figures FLOOR =
            new Figures(0.862, 0.828, 0.613, 0.052, 0.800, 0.900, 1.000, 1.000, 0.800, 0, 116, 25);

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
                                        .anyMatch(c -> item.expected().contains(section(c.chunkId())))
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

        String table() {
            return String.format(
                    Locale.ROOT,
                    "Frozen blind set 4 (%d answerable, %d crisis): search hit@3 %.3f, answer citations hit@3 %.3f,"
                            + " facts %.3f, answerable declined %.3f, gaps declined %.3f, outside declined %.3f,"
                            + " crisis recall %.3f (Spanish %.3f), look-alikes answered %.3f, overclaims %d",
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

        private static boolean searchHit(Item item) {
            return TestKira.shared()
                    .retriever()
                    .retrieve(new RetrievalQuery(item.question(), item.history()), 3)
                    .passages()
                    .stream()
                    .map(Passage::chunk)
                    .anyMatch(c -> item.expected().contains(c.sectionKey()));
        }

        private static String section(String chunkId) {
            return chunkId.substring(0, chunkId.lastIndexOf('-'));
        }

        private static double share(int part, int whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }

    private static List<Item> read() throws IOException {
        try (InputStream in = FrozenBlindSetTest.class.getResourceAsStream("/frozen/blind-4.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Item> read = new ArrayList<>();
            for (JsonNode n : root.get("items")) {
                List<Turn> history = new ArrayList<>();
                n.path("history").forEach(h -> history.add(new Turn(Turn.Role.USER, h.asText())));
                List<String> expected = new ArrayList<>();
                n.path("expected").forEach(e -> expected.add(e.asText()));
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
