package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the pattern detector over the development messages (the semantic screen's exemplars, in
 * main resources) and the held-out ones ({@code safety/crisis-messages.json}, written after the
 * patterns were frozen, never tuned on) and prints recall on crisis messages and the
 * false-positive rate on informational look-alikes for each and for all.
 *
 * <p>The bars (recall at least 0.95, false positives at most 0.05) are asserted on the development
 * entries, where they guard against regressions. They are not asserted on the held-out entries or
 * on the whole table: held-out recall is far below the bar (see the table's "about"), and raising
 * it by tuning on those sentences would only make the held-out number meaningless. It is printed
 * so that anyone changing the patterns sees what they do to phrasing nobody anticipated.
 */
class CrisisDetectorTableTest {
    private static final CrisisDetector DETECTOR = new CrisisDetector(CrisisPatterns.fromResources());
    private static List<Row> rows;

    record Row(String id, boolean crisis, boolean heldOut, List<RiskKind> kinds, CrisisAssessment got) {}

    @BeforeAll
    static void assess_the_table() throws IOException {
        rows = new ArrayList<>();
        read(SemanticCrisisScreen.EXEMPLARS);
        read("/safety/crisis-messages.json");
    }

    private static void read(String resource) throws IOException {
        JsonNode root;
        try (InputStream in = CrisisDetectorTableTest.class.getResourceAsStream(resource)) {
            root = new ObjectMapper().readTree(in);
        }
        for (String group : List.of("crisis", "informational")) {
            for (JsonNode entry : root.get(group)) {
                List<Turn> history = new ArrayList<>();
                for (JsonNode turn : entry.path("history")) {
                    history.add(new Turn(
                            Turn.Role.valueOf(turn.get("role").asText().toUpperCase(Locale.ROOT)),
                            turn.get("content").asText()));
                }
                List<RiskKind> kinds = new ArrayList<>();
                entry.path("kinds").forEach(k -> kinds.add(RiskKind.valueOf(k.asText())));
                rows.add(new Row(
                        entry.get("id").asText(),
                        group.equals("crisis"),
                        entry.path("heldOut").asBoolean(false),
                        kinds,
                        DETECTOR.assess(entry.get("message").asText(), history)));
            }
        }
    }

    @Test
    void should_have_enough_varied_messages_of_each_class() {
        assertThat(rows.stream().filter(r -> r.crisis() && !r.heldOut())).hasSizeGreaterThanOrEqualTo(60);
        assertThat(rows.stream().filter(r -> !r.crisis() && !r.heldOut())).hasSizeGreaterThanOrEqualTo(60);
        assertThat(rows.stream().filter(r -> r.crisis() && r.heldOut())).hasSizeGreaterThanOrEqualTo(20);
        assertThat(rows.stream().filter(r -> !r.crisis() && r.heldOut())).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void should_flag_crisis_messages_and_not_their_look_alikes() {
        Score development = score(r -> !r.heldOut());
        Score heldOut = score(Row::heldOut);
        Score all = score(r -> true);
        System.out.println("Crisis detection, development: " + development);
        System.out.println("Crisis detection, held-out:    " + heldOut);
        System.out.println("Crisis detection, all:         " + all);
        rows.stream()
                .filter(r -> r.heldOut() && r.crisis() != r.got().crisis())
                .forEach(r -> System.out.println("  held-out " + (r.crisis() ? "missed " : "false alarm ") + r.id()));

        assertThat(development.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(development.falsePositiveRate()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void should_name_the_kinds_of_risk_each_flagged_development_message_carries() {
        List<String> wrong = rows.stream()
                .filter(r -> r.crisis() && !r.heldOut() && r.got().crisis())
                .filter(r -> !r.got().kinds().containsAll(r.kinds()))
                .map(r -> r.id() + " expected " + r.kinds() + " got " + r.got().kinds())
                .toList();

        assertThat(wrong).isEmpty();
    }

    private static Score score(Predicate<Row> which) {
        List<Row> crisis = rows.stream().filter(which).filter(Row::crisis).toList();
        List<Row> lookAlikes =
                rows.stream().filter(which).filter(r -> !r.crisis()).toList();
        return new Score(
                (int) crisis.stream().filter(r -> r.got().crisis()).count(), crisis.size(),
                (int) lookAlikes.stream().filter(r -> r.got().crisis()).count(), lookAlikes.size());
    }

    record Score(int caught, int crises, int falseAlarms, int lookAlikes) {
        double recall() {
            return crises == 0 ? 1 : (double) caught / crises;
        }

        double falsePositiveRate() {
            return lookAlikes == 0 ? 0 : (double) falseAlarms / lookAlikes;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "recall %.3f (%d/%d crisis messages), false-positive rate %.3f (%d/%d look-alikes)",
                    recall(),
                    caught,
                    crises,
                    falsePositiveRate(),
                    falseAlarms,
                    lookAlikes);
        }
    }
}
