package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.answer.AnswerDecision;
import com.askkira.answer.AnswerDecision.Outcome;
import com.askkira.answer.DecisionFeatures;
import com.askkira.answer.GapProbe;
import com.askkira.answer.LabelledNeighbours;
import com.askkira.answer.QuestionWording;
import com.askkira.embedding.Embedder;
import com.askkira.eval.DecisionData.Example;
import com.askkira.learn.Logistic;
import com.askkira.learn.LogisticFit;
import com.askkira.retrieval.Retrieval;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Refits the answer decision ({@code src/main/resources/answer/decision.json}) on its labelled
 * fitting data and prints precision and recall per outcome on sets it never saw. Run by hand, never
 * in CI:
 *
 * <pre>mvn -B -ntp test -Dtest=AnswerDecisionFit -Dkira.fit=true</pre>
 *
 * <p>Two logistic models: in the field or not, and, in the field, answered by the library or not.
 * Each gets one threshold, chosen on the fitting data from what the mistake costs: refusing a
 * question the library answers is the worse mistake, so each threshold is the highest that declines
 * at most {@link #MAX_ANSWERABLE_DECLINED} of the answerable fitting questions (shared between the
 * two models, as refusals add up across them).
 */
@EnabledIfSystemProperty(named = "kira.fit", matches = "true")
class AnswerDecisionFit {
    /**
     * The 2 % bar, shared and with room for questions never seen: the decision may decline 1 %
     * of the answerable fitting questions (a quarter of it for the in-field model), the relevance
     * check 0.5 % of their answers. Session 10, decision-train-6 (a sixth writer's 240, of which the
     * shipped decision had recalled 0.56 of the gaps, never having seen them) joined the fitting data,
     * and 0.5 %, 0.75 % and 1 % were compared. Never fitted on: gaps recalled on abstention-holdout
     * 0.72 / 0.88 / 0.96 and on abstention-holdout-2 0.60 / 0.63 / 0.73 (0.92 and 0.63 before
     * decision-train-6), no answerable declined, retrieval-holdout 1 of 100 declined at each. Through
     * the whole answer path on blind sets 4-7 (dev sets for this choice), at 0.75 % and 1 % against the
     * shipped 0.5 % without decision-train-6: answerable declined 14 / 15 of 464 (10), gaps 93 / 96 of
     * 120 (91), outside 118 / 118 of 120 (115). 1 % leaves the least short of the three bars.
     * It was 1 % until session 9, when the gap probe learned the
     * questions' wording and decision-train-4 joined the fitting data: at 1 % the blind sets 4, 5 and 6
     * (dev sets for this choice) declined 14 of their 348 answerable questions (9 before) and 69 of
     * their 90 gaps (59 before); at 0.5 %, 8 and 67, with 86 of 90 outside questions declined (88
     * before). At 1.5 % (session 5), fitted with decision-train-2 too, it
     * declined 1.5 % of the fitting questions but 3 of the 100 of retrieval-holdout, which it never
     * read. The in-field model's refusals are final, while an outside question it lets through is
     * mostly declined by the coverage model; its share was chosen among none, a quarter and a half on
     * abstention-holdout, abstention-holdout-2 and retrieval-holdout (so dev sets for this choice):
     * answerable refused 2, 2 and 4 of 100; outside declined 19, 24 and 24 of 25 and 24, 26 and 28 of
     * 30; gaps declined 24, 23 and 21 of 25 and 21, 21 and 19 of 30.
     */
    static final double MAX_ANSWERABLE_DECLINED = 0.01;

    static final double MAX_ANSWERS_UNADDRESSED = 0.005;
    /** L2 penalty: large enough that sixteen weights do not chase a few hundred questions. */
    private static final double L2 = 0.01;
    /**
     * The probe reads 384 dimensions from under a thousand questions: a penalty ten times the models'
     * keeps it from memorising the fitting questions. On the first 698 fitting questions, the
     * declines' recalls (not covered + outside) were 1.34 at 0.03, 1.35 at 0.1 and 1.32 at 1. Since
     * session 9 it also reads some 1,660 grams of the questions' wording; the penalty was kept, not
     * chosen again.
     */
    private static final double PROBE_L2 = 0.1;

    private static final int PROBE_FOLDS = 10;

    /**
     * Six writers' sets until session 12 (1,555 questions); then blind sets 4 to 8 (dev sets by then,
     * each a writer's) and decision-train-7 joined (2,720).
     */
    static final List<String> FITTED_ON = List.of(
            "/decision/decision-train.json",
            "/decision/decision-train-es.json",
            "/decision/decision-train-2.json",
            "/golden/abstention-dev.json",
            "retrieval-dev.json",
            "/spanish/questions-es-dev.json",
            "everyday-dev.json",
            "/decision/decision-train-3.json",
            "/decision/decision-train-4.json",
            "/decision/decision-train-6.json",
            "/decision/decision-train-7.json",
            "blind-4.json",
            "blind-5.json",
            "blind-6.json",
            "blind-7.json",
            "blind-8.json");

    /**
     * The fewest in-field fitting questions a word or word pair must appear in to be one the probe
     * reads. Chosen in session 9 among 2, 3 and 5 (2,502, 1,390 and 743 grams), fitted without
     * decision-train-4: gaps recalled on abstention-holdout 0.88 / 0.92 / 0.84, on abstention-holdout-2
     * 0.70 / 0.70 / 0.60, on decision-train-4 (a fifth writer's, then unseen) 0.55 / 0.59 / 0.52; with
     * no wording at all 0.88, 0.63 and 0.48. So those three sets are dev sets for this choice.
     */
    static final int WORDING_MIN = 3;

    @Test
    void refit() throws IOException {
        List<LabelledQuestions> sets =
                FITTED_ON.stream().map(AnswerDecisionFit::labelled).toList();
        Function<Embedder, LabelledNeighbours> neighbours = embedder -> DecisionData.neighbours(sets, embedder);
        // The probe first: each fitting question is read by a probe fitted without it (its fold), as a
        // question never seen would be; the sets the fit never reads, by the probe fitted on everything.
        DecisionData unprobed = new DecisionData(neighbours, (question, retrieval) -> GapProbe.NO_READING);
        List<Probed> probed = new ArrayList<>();
        for (LabelledQuestions set : sets) {
            for (LabelledQuestions.Labelled q : set.questions()) {
                if (q.expected() != Outcome.OUT_OF_SCOPE) {
                    Retrieval retrieval = unprobed.retrieval(q);
                    probed.add(new Probed(q.question(), retrieval.searchText(), retrieval.queryVector(), q.expected()));
                }
            }
        }
        GapProbe probe = probe(probed);
        Map<String, Double> outOfFold = outOfFold(probed);
        DecisionData data = new DecisionData(
                neighbours,
                (question, retrieval) ->
                        outOfFold.getOrDefault(question, probe.read(retrieval.searchText(), retrieval.queryVector())));
        List<Example> fitting = new ArrayList<>();
        sets.forEach(set -> fitting.addAll(data.examples(set)));
        List<double[]> asCited = new ArrayList<>();
        sets.forEach(set -> asCited.addAll(data.asCited(set)));
        AnswerDecision decision = fit(probe, fitting, asCited);
        List<String> lines = new ArrayList<>();
        lines.add(Scores.of(decision, fitting).line("fitting data"));
        for (LabelledQuestions set : sets) {
            lines.add(Scores.of(decision, data.examples(set)).line("fitting: " + set.set()));
        }
        Map<AnswerDecisionTest.Bar, Scores> unseen = new LinkedHashMap<>();
        for (AnswerDecisionTest.Bar bar : AnswerDecisionTest.BARS) {
            Scores scores = Scores.of(decision, data.examples(labelled(bar.set())));
            unseen.put(bar, scores);
            lines.add(scores.line(bar.set()));
        }
        lines.forEach(System.out::println);
        System.out.println("inField weights " + weights(decision.inField()));
        System.out.println("covered weights " + weights(decision.covered()));
        System.out.println("probe wording: " + probe.wording().known().size() + " grams");

        String json = "{\n  \"about\": \"Fitted by AnswerDecisionFit on " + String.join(", ", FITTED_ON)
                + " (" + fitting.size() + " questions); thresholds: at most " + MAX_ANSWERABLE_DECLINED
                + " of the answerable fitting questions declined, at most " + MAX_ANSWERS_UNADDRESSED
                + " of their answers found off the point by relevance.\",\n  \"features\": "
                + DecisionFeatures.NAMES.stream().map(n -> "\"" + n + "\"").toList()
                + ",\n  \"relevance\": " + String.format(Locale.ROOT, "%.6f", decision.relevance())
                + ",\n  \"figures\": ["
                + String.join(", ", lines.stream().map(l -> "\"" + l + "\"").toList())
                + "],\n  \"inField\": " + decision.inField().json() + ",\n  \"covered\": "
                + decision.covered().json() + ",\n  \"gapProbe\": " + probe.json() + "\n}\n";
        if (Boolean.getBoolean("kira.fit.write")) {
            Files.writeString(Path.of("src/main/resources/answer/decision.json"), json);
            Files.writeString(Path.of("src/main/resources/answer/decision-examples.json"), examples(sets));
        }
        assertThat(fitting).hasSizeGreaterThan(200);
        assertThat(probe.wording().known()).as("the grams the probe reads").isNotEmpty();
        // The thresholds were calibrated on these questions: the budget must hold on them.
        assertThat(Scores.of(decision, fitting).answerableDeclined()).isLessThanOrEqualTo(MAX_ANSWERABLE_DECLINED);
        // On the sets it never read, a refit must reach what the shipped decision is held to.
        unseen.forEach(AnswerDecisionTest.Bar::check);
    }

    /** The labelled questions the answerer's {@code LabelledNeighbours} reads. */
    private static String examples(List<LabelledQuestions> sets) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode questions = json.createArrayNode();
        for (LabelledQuestions set : sets) {
            for (LabelledQuestions.Labelled q : set.questions()) {
                questions
                        .addObject()
                        .put("question", q.question())
                        .put("label", q.expected().name());
            }
        }
        ObjectNode root = json.createObjectNode();
        root.put(
                "about",
                "The labelled questions of " + String.join(", ", FITTED_ON)
                        + ", written by AnswerDecisionFit with decision.json: the answer decision's neighbours.");
        root.set("questions", questions);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    static LabelledQuestions labelled(String set) {
        if (set.startsWith("blind-")) {
            return LabelledQuestions.blind(set);
        }
        if (set.startsWith("/spanish/")) {
            return LabelledQuestions.answerableWithHistory(set);
        }
        return set.startsWith("/") ? LabelledQuestions.read(set) : LabelledQuestions.answerable(set);
    }

    /** A fitting question as it is searched (its text and embedding) and its label. */
    private record Probed(String question, String searchText, float[] vector, Outcome expected) {}

    /**
     * The gap probe, fitted on {@code probed} (in-field questions only), reading the words and word
     * pairs at least {@link #WORDING_MIN} of them use.
     */
    private static GapProbe probe(List<Probed> probed) {
        Map<String, Integer> uses = new TreeMap<>();
        probed.forEach(p -> QuestionWording.grams(p.searchText()).forEach(g -> uses.merge(g, 1, Integer::sum)));
        List<String> wording = uses.entrySet().stream()
                .filter(e -> e.getValue() >= WORDING_MIN)
                .map(Map.Entry::getKey)
                .toList();
        QuestionWording known = new QuestionWording(wording);
        return new GapProbe(
                known,
                LogisticFit.fit(
                        probed.stream()
                                .map(p -> new LogisticFit.Labelled(
                                        GapProbe.features(known, p.searchText(), p.vector()),
                                        p.expected() == Outcome.NOT_COVERED))
                                .toList(),
                        PROBE_L2));
    }

    /** Each question read by the probe fitted on the other folds. */
    private static Map<String, Double> outOfFold(List<Probed> probed) {
        Map<String, Double> read = new HashMap<>();
        for (int fold = 0; fold < PROBE_FOLDS; fold++) {
            List<Probed> train = new ArrayList<>();
            List<Probed> test = new ArrayList<>();
            for (int i = 0; i < probed.size(); i++) {
                (i % PROBE_FOLDS == fold ? test : train).add(probed.get(i));
            }
            GapProbe probe = probe(train);
            test.forEach(p -> read.put(p.question(), probe.read(p.searchText(), p.vector())));
        }
        return read;
    }

    /** Both models, fitted on {@code examples}, thresholds calibrated on them. */
    static AnswerDecision fit(GapProbe probe, List<Example> examples, List<double[]> answersAsCited) {
        List<double[]> answerable = examples.stream()
                .filter(e -> e.expected() == Outcome.ANSWER)
                .map(Example::x)
                .toList();
        int budget = (int) Math.floor(MAX_ANSWERABLE_DECLINED * answerable.size());
        Logistic inField = LogisticFit.withThreshold(
                logistic(examples, e -> e.expected() != Outcome.OUT_OF_SCOPE), answerable, budget / 4);
        List<Example> within = examples.stream()
                .filter(e -> e.expected() != Outcome.OUT_OF_SCOPE)
                .toList();
        Logistic covered = logistic(within, e -> e.expected() == Outcome.ANSWER);
        // The answerable questions the first model lets through decide the second's threshold.
        List<double[]> letThrough = answerable.stream().filter(inField::accepts).toList();
        int declinedAlready = answerable.size() - letThrough.size();
        covered = LogisticFit.withThreshold(covered, letThrough, Math.max(0, budget - declinedAlready));
        // Relevance: the covered model read from an answer's cited passages only, its threshold the highest that
        // finds at most MAX_ANSWERS_UNADDRESSED of the fitting answers off the point.
        double[] p = answersAsCited.stream()
                .mapToDouble(covered::probability)
                .sorted()
                .toArray();
        double relevance = Math.max(0, p[(int) Math.floor(MAX_ANSWERS_UNADDRESSED * p.length)] - 1e-9);
        return new AnswerDecision(probe, inField, covered, relevance);
    }

    private static Logistic logistic(List<Example> train, Predicate<Example> positive) {
        return LogisticFit.fit(
                train.stream()
                        .map(e -> new LogisticFit.Labelled(e.x(), positive.test(e)))
                        .toList(),
                L2);
    }

    /** Precision and recall of each outcome, and the share of answerable questions declined. */
    record Scores(Map<Outcome, double[]> precisionRecall, double answerableDeclined, int n) {
        static Scores of(AnswerDecision decision, List<Example> examples) {
            Map<Outcome, int[]> counts = new EnumMap<>(Outcome.class); // true positives, predicted, actual
            for (Outcome o : Outcome.values()) {
                counts.put(o, new int[3]);
            }
            int answerable = 0, declined = 0;
            for (Example e : examples) {
                Outcome got = decision.decide(DecisionData.features(e.x()));
                counts.get(got)[1]++;
                counts.get(e.expected())[2]++;
                if (got == e.expected()) {
                    counts.get(got)[0]++;
                }
                if (e.expected() == Outcome.ANSWER) {
                    answerable++;
                    declined += got == Outcome.ANSWER ? 0 : 1;
                }
            }
            Map<Outcome, double[]> pr = new EnumMap<>(Outcome.class);
            counts.forEach((o, c) -> pr.put(o, new double[] {
                c[1] == 0 ? 1 : (double) c[0] / c[1], c[2] == 0 ? Double.NaN : (double) c[0] / c[2]
            }));
            return new Scores(pr, answerable == 0 ? 0 : (double) declined / answerable, examples.size());
        }

        double recall(Outcome o) {
            return precisionRecall.get(o)[1];
        }

        double precision(Outcome o) {
            return precisionRecall.get(o)[0];
        }

        String line(String name) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s (n=%d):", name, n));
            precisionRecall.forEach((o, pr) -> s.append(
                    String.format(Locale.ROOT, " %s P %.2f R %.2f;", o.name().toLowerCase(Locale.ROOT), pr[0], pr[1])));
            s.append(String.format(Locale.ROOT, " answerable declined %.3f", answerableDeclined));
            return s.toString();
        }
    }

    private static String weights(Logistic m) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < m.weights().length; i++) {
            s.append(String.format(Locale.ROOT, "%s=%.2f ", DecisionFeatures.NAMES.get(i), m.weights()[i]));
        }
        return s.append(String.format(Locale.ROOT, "threshold=%.3f", m.threshold()))
                .toString();
    }
}
