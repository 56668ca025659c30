package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.AnswerService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Questions outside the field, in the field but not covered, and answerable ones: prints how each
 * kind was handled. The offline answerer only has similarities to go on, so the bars are what it
 * reaches on the held-out set, not perfection: it answers few out-of-field questions, refuses few
 * answerable ones (refusing a question the library answers is the worse mistake), and flags a
 * share of the gaps for the content team.
 */
class AbstentionSetTest {
    private final AnswerService answers = TestKira.shared().answers();

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "abstention-dev.json, dev: the answer decision was fitted on it",
        "abstention-holdout.json, dev since its gaps guided the subject words; the decision never read it",
        "abstention-holdout-2.json, dev since session 5: its figures were read while choosing the decision's Spanish"
                + " trade and (session 6) the in-field model's share of the refusals; never fitted on"
    })
    void should_abstain_outside_the_library_and_answer_inside_it(String file, String role) throws IOException {
        JsonNode root;
        try (var in = getClass().getResourceAsStream("/golden/" + file)) {
            root = new ObjectMapper().readTree(in);
        }
        Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
        for (JsonNode q : root.get("questions")) {
            AnswerResponse response =
                    answers.answer(new AnswerRequest(q.get("question").asText(), List.of()));
            String got = response.abstained() ? response.abstainReason().wireName() : "answered";
            outcomes.computeIfAbsent(q.get("expect").asText(), k -> new TreeMap<>())
                    .merge(got, 1, Integer::sum);
        }
        System.out.println("Abstention on " + file + " (expected -> what Kira did): " + outcomes);

        // Outside answered: 0/30, 1/25 and 4/30 in session 6 (gap probe, decision-train-2 fitted on).
        assertThat(share(outcomes, "out_of_scope", "answered")).isLessThanOrEqualTo(0.14);
        assertThat(share(outcomes, "answered", "answered")).isGreaterThanOrEqualTo(0.90);
        // Measured 0.57 (dev) and 0.68 (held-out) once questions had to speak of the library's subject, 0.30 and 0.40
        // before; the blind held-out-2, written after that, 0.50 (0.37 without it). With the learned answer decision
        // (session 5): 0.90, 0.88 and 0.73, the last with the relevance check (0.70 without); 0.83, 0.84 and 0.60 once
        // the decision was also fitted on Spanish questions (which it had declined by the third); 0.97, 0.96 and 0.73
        // with the gap probe and a second writer's fitting set (session 6); 1.00, 0.96 and 0.67 once the probe read
        // the questions' wording, a fifth writer's set was fitted on and refusals were halved (session 9): held-out-2
        // lost two gaps while blind sets 4 to 6 gained eight.
        assertThat(1 - share(outcomes, "not_covered", "answered"))
                .as("gaps flagged")
                .isGreaterThanOrEqualTo(0.66);
    }

    /** The golden retrieval questions are all answered by the library: refusing one is the worse mistake. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"retrieval-dev.json", "retrieval-holdout.json"})
    void should_answer_the_questions_the_library_answers(String file) throws IOException {
        GoldenSet golden = GoldenSets.named(file);
        int questions = 0;
        List<String> refused = new ArrayList<>();
        for (GoldenQuestion q : golden.questions()) {
            questions++;
            AnswerResponse response = answers.answer(new AnswerRequest(q.question(), q.turns()));
            if (response.abstained()) {
                refused.add(q.id() + " (" + response.abstainReason().wireName() + ")");
            }
        }
        System.out.println(
                "Answerable questions of " + file + " refused: " + refused.size() + "/" + questions + " " + refused);

        // Measured 1/128 and 3/100 with the hand-set rules, 0/128 and 0/100 with the learned decision (fitted on
        // retrieval-dev, never on retrieval-holdout); 0/128 and 2/100 with the gap probe (session 6), both refusals
        // typed fast ("r emails to my therapst protected by hippa").
        assertThat((double) refused.size() / questions).isLessThanOrEqualTo(0.02);
    }

    private static double share(Map<String, Map<String, Integer>> outcomes, String expected, String got) {
        Map<String, Integer> row = outcomes.getOrDefault(expected, Map.of());
        int total = row.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : (double) row.getOrDefault(got, 0) / total;
    }
}
