package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The adversarial set in {@code guard/adversarial-answers.json}: model answers that each break
 * the rules they are labelled with, and true, qualified answers (many of them near misses) that
 * must pass. Prints precision and recall per rule for the development block and, separately,
 * for the held-out block written after the patterns were final.
 */
class ConfidentialityLimitsAdversarialTest {
    private static final EnumSet<LimitsRule> MUST_CATCH_ALL =
            EnumSet.complementOf(EnumSet.of(LimitsRule.DIAGNOSIS_OR_LEGAL_ADVICE));

    record Labelled(String id, String question, String answer, Set<LimitsRule> expected, boolean heldOut) {
        boolean good() {
            return expected.isEmpty();
        }
    }

    record Scored(Labelled item, Set<LimitsRule> found) {}

    private static final ConfidentialityLimitsCheck check = new ConfidentialityLimitsCheck();
    private static List<Labelled> all;

    @BeforeAll
    static void load() throws IOException {
        all = read("/guard/adversarial-answers.json");
    }

    private static List<Labelled> read(String resource) throws IOException {
        JsonNode root;
        try (InputStream in = ConfidentialityLimitsAdversarialTest.class.getResourceAsStream(resource)) {
            root = new ObjectMapper().readTree(in);
        }
        List<Labelled> items = new ArrayList<>();
        for (JsonNode n : root.get("answers")) {
            Set<LimitsRule> expected = EnumSet.noneOf(LimitsRule.class);
            n.get("expect").forEach(r -> expected.add(LimitsRule.valueOf(r.asText())));
            items.add(new Labelled(
                    n.get("id").asText(),
                    n.get("question").asText(),
                    n.get("answer").asText(),
                    expected,
                    n.path("heldOut").asBoolean(false)));
        }
        return List.copyOf(items);
    }

    @Test
    void should_hold_enough_answers_of_every_kind() {
        List<Labelled> dev = all.stream().filter(l -> !l.heldOut()).toList();
        assertThat(dev.stream().filter(l -> !l.good())).hasSizeGreaterThanOrEqualTo(45);
        assertThat(dev.stream().filter(Labelled::good)).hasSizeGreaterThanOrEqualTo(45);
        for (LimitsRule rule : LimitsRule.values()) {
            long wordings =
                    dev.stream().filter(l -> l.expected().contains(rule)).count();
            assertThat(wordings)
                    .as(rule.name())
                    .isGreaterThanOrEqualTo(rule == LimitsRule.DIAGNOSIS_OR_LEGAL_ADVICE ? 5 : 4);
        }
        List<Labelled> heldOut = all.stream().filter(Labelled::heldOut).toList();
        assertThat(heldOut.stream().filter(l -> !l.good())).hasSizeGreaterThanOrEqualTo(10);
        assertThat(heldOut.stream().filter(Labelled::good)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(all.stream().map(Labelled::id).distinct()).hasSameSizeAs(all);
    }

    @Test
    void should_flag_every_bad_answer_and_pass_the_good_ones() {
        List<Scored> dev = score(all.stream().filter(l -> !l.heldOut()).toList());
        List<Scored> heldOut = score(all.stream().filter(Labelled::heldOut).toList());
        List<Scored> everything = new ArrayList<>(dev);
        everything.addAll(heldOut);

        print("development set", dev);
        print("held-out set (written after the patterns were final)", heldOut);
        print("all", everything);

        for (LimitsRule rule : MUST_CATCH_ALL) {
            assertThat(recall(dev, rule))
                    .as("recall of " + rule + " on the development set")
                    .isEqualTo(1.0);
        }
        assertThat(falsePositiveRate(dev))
                .as("false-positive rate on good development answers")
                .isLessThanOrEqualTo(0.05);
        assertThat(falsePositiveRate(everything))
                .as("false-positive rate on all good answers")
                .isLessThanOrEqualTo(0.05);
    }

    /**
     * Sets written by separate writers who never saw the patterns: {@code limits-fresh-tune} (50
     * bad, 45 good) guided the patterns; {@code limits-fresh-holdout} (45 + 45) was held out until
     * it had measured 0.60 caught, then guided the answer-level rules (topic carried over from the
     * question, a general question answered with no limit named); {@code limits-fresh-holdout-2}
     * (45 + 45) was written after that: 0.82 caught, 1 of 45 good flagged when first run, then it
     * guided a few patterns too (0.96, 0 flagged); {@code limits-fresh-holdout-3} (45 + 45), written
     * last, measured 0.76 caught and 3 of 45 good flagged on first run; its three false alarms (a
     * quoted myth, "state law shapes", "a widespread assumption that") then guided the checker, its
     * misses did not. The grounded check catches more in the pipeline. Every one of them has guided
     * the checker, so all four are dev sets now, whatever their file names say: the honest figure for
     * unseen wording is set 3's first run. The bars guard the measured levels.
     */
    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "limits-fresh-tune, dev, 0.95",
        "limits-fresh-holdout, dev since its first run (0.60), 0.80",
        "limits-fresh-holdout-2, dev since its first run (0.82), 0.90",
        "limits-fresh-holdout-3, dev since its first run (0.76), 0.72"
    })
    void should_catch_most_bad_answers_written_blind_and_pass_the_good_ones(String set, String role, double minCaught)
            throws IOException {
        List<Scored> scored = score(read("/guard/" + set + ".json"));
        print(set, scored);
        List<Scored> bad = scored.stream().filter(s -> !s.item().good()).toList();
        double caught = (double) bad.stream().filter(s -> !s.found().isEmpty()).count() / bad.size();
        System.out.printf(Locale.ROOT, "%s: %.3f of bad answers flagged for some rule%n", set, caught);
        assertThat(falsePositiveRate(scored))
                .as("false-positive rate on good answers of " + set)
                .isLessThanOrEqualTo(0.05);
        assertThat(caught).as("bad answers of " + set + " flagged").isGreaterThanOrEqualTo(minCaught);
    }

    @Test
    void should_check_an_answer_in_well_under_a_millisecond() {
        String fiveSentences =
                "Confidentiality in therapy is not absolute [1]. A subpoena alone does not automatically require"
                        + " disclosure [2]. Not all states have codified Tarasoff, and the requirements vary by state [1]. Group members"
                        + " are not bound by the same legal obligations [3]. Consumer-grade apps generally do not meet HIPAA"
                        + " requirements [4].";
        for (int i = 0; i < 200; i++) {
            all.forEach(l -> check.findings(l.question(), l.answer()));
            check.findings("Is therapy confidential?", fiveSentences);
        }
        // CPU time of this thread, so other work on a shared machine does not inflate the figure.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int rounds = 1_000;
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            check.findings("Is therapy confidential?", fiveSentences);
        }
        double fiveSentenceCpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1_000.0 / rounds;
        double fiveSentenceWallMicros = (System.nanoTime() - wall) / 1_000.0 / rounds;
        cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 20; i++) {
            all.forEach(l -> check.findings(l.question(), l.answer()));
        }
        double answerCpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1_000.0 / (20.0 * all.size());
        System.out.printf(
                Locale.ROOT,
                "Limits check timing: %.0f us CPU (%.0f us wall) per 5-sentence answer; %.0f us CPU per adversarial answer (mean of %d)%n",
                fiveSentenceCpuMicros,
                fiveSentenceWallMicros,
                answerCpuMicros,
                all.size());

        // The aim is under 1 ms; the bound is looser so a slow CI machine does not fail it, yet catches
        // a pattern that backtracks badly.
        assertThat(fiveSentenceCpuMicros).isLessThan(2_000);
    }

    private static List<Scored> score(List<Labelled> items) {
        return items.stream()
                .map(l -> new Scored(
                        l,
                        check.findings(l.question(), l.answer()).stream()
                                .map(LimitsFinding::rule)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LimitsRule.class)))))
                .toList();
    }

    private static double recall(List<Scored> scored, LimitsRule rule) {
        long expected =
                scored.stream().filter(s -> s.item().expected().contains(rule)).count();
        long caught = scored.stream()
                .filter(s -> s.item().expected().contains(rule) && s.found().contains(rule))
                .count();
        return expected == 0 ? Double.NaN : (double) caught / expected;
    }

    private static double falsePositiveRate(List<Scored> scored) {
        List<Scored> good = scored.stream().filter(s -> s.item().good()).toList();
        return good.isEmpty()
                ? 0
                : (double) good.stream().filter(s -> !s.found().isEmpty()).count() / good.size();
    }

    private static void print(String title, List<Scored> scored) {
        StringBuilder out = new StringBuilder();
        long bad = scored.stream().filter(s -> !s.item().good()).count();
        out.append(String.format(
                Locale.ROOT,
                "%nConfidentiality limits, %s: %d bad answers, %d good answers%n",
                title,
                bad,
                scored.size() - bad));
        out.append(String.format(
                Locale.ROOT, "  %-28s %4s %4s %4s  %9s  %6s%n", "rule", "tp", "fp", "fn", "precision", "recall"));
        Map<LimitsRule, int[]> counts = new EnumMap<>(LimitsRule.class);
        for (LimitsRule rule : LimitsRule.values()) {
            int[] c = new int[3];
            for (Scored s : scored) {
                boolean expected = s.item().expected().contains(rule);
                boolean found = s.found().contains(rule);
                c[0] += expected && found ? 1 : 0;
                c[1] += !expected && found ? 1 : 0;
                c[2] += expected && !found ? 1 : 0;
            }
            counts.put(rule, c);
            out.append(row(rule.name(), c));
        }
        int[] total = new int[3];
        counts.values().forEach(c -> {
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        });
        out.append(row("overall (micro)", total));
        long goodFlagged = scored.stream()
                .filter(s -> s.item().good() && !s.found().isEmpty())
                .count();
        out.append(String.format(
                Locale.ROOT,
                "  good answers flagged: %d of %d (false-positive rate %.3f)%n",
                goodFlagged,
                scored.size() - bad,
                falsePositiveRate(scored)));
        scored.stream()
                .filter(s -> !s.found().equals(s.item().expected()))
                .forEach(s -> out.append(String.format(
                        Locale.ROOT,
                        "  mismatch %s: expected %s, found %s%n",
                        s.item().id(),
                        s.item().expected(),
                        s.found())));
        System.out.print(out);
    }

    private static String row(String name, int[] c) {
        return String.format(
                Locale.ROOT,
                "  %-28s %4d %4d %4d  %9s  %6s%n",
                name,
                c[0],
                c[1],
                c[2],
                ratio(c[0], c[0] + c[1]),
                ratio(c[0], c[0] + c[2]));
    }

    private static String ratio(int numerator, int denominator) {
        return denominator == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) numerator / denominator);
    }
}
