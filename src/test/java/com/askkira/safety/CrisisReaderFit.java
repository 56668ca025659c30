package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.language.SpanishGloss;
import com.askkira.learn.Logistic;
import com.askkira.learn.LogisticFit;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Refits the learned crisis reader ({@code src/main/resources/safety/crisis-learned.json}) on
 * {@link CrisisFitData} and prints its cross-validated recall and false alarms per language and per
 * set. Run by hand, never in CI:
 *
 * <pre>mvn -B -ntp test -Dtest=CrisisReaderFit -Dkira.fit=true [-Dkira.fit.write=true]</pre>
 *
 * <p>Each conversation is read as written and, when it has Spanish in it, as its English gloss too,
 * as {@link BilingualCrisisScreen} reads it; the reader hears a crisis when either reading's
 * probability reaches the threshold. The one threshold is the lowest (most crises heard) at which,
 * over {@value #FOLDS} folds, the reader flags at most {@value #MAX_FALSE_ALARMS} of the fitting
 * look-alikes and ordinary questions it did not see: the reader only adds to what patterns and the
 * semantic screen hear, so its false alarms add up with theirs, and those it raises are answered
 * too (help first), which costs a reader little.
 */
@EnabledIfSystemProperty(named = "kira.fit", matches = "true")
class CrisisReaderFit {
    static final double MAX_FALSE_ALARMS = 0.02;
    static final int FOLDS = 10;
    /** The answer decision's penalty; the folds' figures barely moved between 0.01 and 0.03. */
    private static final double L2 = 0.01;

    private static final int STEPS = 3000;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /**
     * The support the semantic screen's alarms need from the reader is chosen on this grid, from "any
     * at all" to a third of a typical threshold.
     */
    private static final double[] SUPPORT_GRID = {0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3};

    /**
     * A conversation's readings (as written, and glossed when it has Spanish) and its label: each
     * reading's text as the screen hears it ({@code heard}) and its embedding ({@code readings}).
     */
    record Example(
            CrisisFitData.Labelled labelled,
            boolean spanish,
            List<Heard> heard,
            List<double[]> readings,
            boolean flaggedBefore) {}

    /** One reading of a conversation: its message and history, as written or glossed. */
    record Heard(String message, List<Turn> history) {}

    /** A fitting conversation as the whole screen hears it, reading by reading, and its label. */
    private record Screened(boolean crisis, List<ScreenedReading> readings) {
        /** Whether the screen raises an alarm when the semantic screen's alarms need these supports. */
        boolean heard(double wholeSupport, double sentenceSupport) {
            return readings.stream().anyMatch(r -> r.heard(wholeSupport, sentenceSupport));
        }
    }

    /**
     * One reading as the screen hears it: an alarm that needs no support (patterns, the learned
     * reader itself), one raised by the semantic screen on the whole conversation, one raised by a
     * sentence alone, and the learned reader's probability for it (fitted without it).
     */
    private record ScreenedReading(boolean stands, boolean whole, boolean oneSentence, double probability) {
        boolean heard(double wholeSupport, double sentenceSupport) {
            return stands || (whole && probability >= wholeSupport) || (oneSentence && probability >= sentenceSupport);
        }
    }

    @Test
    void refit() throws IOException {
        Embedder embedder = EmbeddingModels.load(EmbeddingModels.BGE_SMALL);
        List<Example> examples = examples(embedder);
        double[][] heldOutReadings = crossValidatedReadings(examples);
        double[] heldOutScores = highest(heldOutReadings);
        double threshold = calibrate(examples, heldOutScores);

        List<String> figures = new ArrayList<>();
        figures.add(String.format(
                Locale.ROOT,
                "%d conversations, %d-fold cross-validated at threshold %.4f:",
                examples.size(),
                FOLDS,
                threshold));
        figures.add(line("all", examples, heldOutScores, threshold, e -> true));
        figures.add(line("English", examples, heldOutScores, threshold, e -> !e.spanish()));
        figures.add(line("Spanish", examples, heldOutScores, threshold, Example::spanish));
        for (String set : sets(examples)) {
            figures.add(line(
                    set,
                    examples,
                    heldOutScores,
                    threshold,
                    e -> e.labelled().set().equals(set)));
        }
        figures.addAll(spanishReadings(examples, threshold));
        Supports supports = supports(examples, heldOutReadings, threshold, embedder, figures);
        figures.forEach(System.out::println);

        Logistic model = fit(examples);
        if (Boolean.getBoolean("kira.fit.write")) {
            write(model, threshold, supports, figures, examples.size());
        }
        assertThat(examples).hasSizeGreaterThan(1000);
        // The reader as shipped (standardisation folded into the weights, floats) scores as the fit does.
        LearnedCrisisReader shipped = LearnedCrisisReader.fitted(
                EmbeddingModels.BGE_SMALL,
                model.mean(),
                model.scale(),
                model.weights(),
                model.bias(),
                threshold,
                supports.whole(),
                supports.sentence(),
                LearnedCrisisReader.NEVER);
        for (Example e : examples) {
            for (double[] x : e.readings()) {
                float[] v = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    v[i] = (float) x[i];
                }
                assertThat(shipped.probability(v)).isCloseTo(model.probability(x), within(1e-4));
            }
        }
        // The threshold was calibrated on the held-out scores of these conversations: the budget must hold on them.
        assertThat(falseAlarms(examples, heldOutScores, threshold, e -> true)).isLessThanOrEqualTo(MAX_FALSE_ALARMS);
    }

    /** Every labelled conversation with its readings embedded as the semantic screen embeds them at runtime. */
    static List<Example> examples(Embedder embedder) {
        CrisisScreen before = new BilingualCrisisScreen(
                new LayeredCrisisScreen(
                        new CrisisDetector(CrisisPatterns.fromResources()),
                        SemanticCrisisScreen.fromResources(embedder)),
                SpanishGloss.fromResources());
        return examples(embedder, CrisisFitData.all(), before);
    }

    /**
     * {@code all} with their readings embedded as the semantic screen embeds them at runtime, each
     * marked with whether {@code before} already hears it as a crisis.
     */
    static List<Example> examples(Embedder embedder, List<CrisisFitData.Labelled> all, CrisisScreen before) {
        SpanishGloss spanish = SpanishGloss.fromResources();
        List<List<Heard>> heard = new ArrayList<>();
        List<String> flat = new ArrayList<>();
        List<Boolean> isSpanish = new ArrayList<>();
        for (CrisisFitData.Labelled l : all) {
            boolean anySpanish = spanish.isSpanish(l.message())
                    || l.history().stream().anyMatch(t -> spanish.isSpanish(t.content()));
            List<Heard> readings = new ArrayList<>();
            readings.add(new Heard(l.message(), l.history()));
            if (anySpanish) {
                List<Turn> glossed = l.history().stream()
                        .map(t -> new Turn(
                                t.role(), spanish.isSpanish(t.content()) ? spanish.gloss(t.content()) : t.content()))
                        .toList();
                readings.add(
                        new Heard(spanish.isSpanish(l.message()) ? spanish.gloss(l.message()) : l.message(), glossed));
            }
            // As SemanticCrisisScreen.read: too few words are never embedded, so never heard.
            readings.removeIf(r -> WORD.matcher(heard(r)).results().count() < 3);
            heard.add(readings);
            readings.forEach(r -> flat.add(heard(r)));
            isSpanish.add(anySpanish);
        }
        List<float[]> vectors = embedder.embedQueries(flat);
        List<Example> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < all.size(); i++) {
            List<double[]> readings = new ArrayList<>();
            for (int r = 0; r < heard.get(i).size(); r++) {
                float[] v = vectors.get(at++);
                double[] x = new double[v.length];
                for (int d = 0; d < v.length; d++) {
                    x[d] = v[d];
                }
                readings.add(x);
            }
            CrisisFitData.Labelled l = all.get(i);
            out.add(new Example(
                    l,
                    isSpanish.get(i),
                    heard.get(i),
                    readings,
                    before.assess(l.message(), l.history()).crisis()));
        }
        return out;
    }

    private static String heard(Heard reading) {
        return SemanticCrisisScreen.withoutContactDetails(
                SemanticCrisisScreen.conversation(reading.message(), reading.history()));
    }

    /** Each conversation's score (its readings' highest) from the model fitted on the other folds. */
    static double[] crossValidated(List<Example> examples) {
        return highest(crossValidatedReadings(examples));
    }

    private static double[] highest(double[][] readings) {
        return Arrays.stream(readings)
                .mapToDouble(p -> Arrays.stream(p).max().orElse(0))
                .toArray();
    }

    /** Each reading's probability from the model fitted on the other folds; folds shuffled with a fixed seed. */
    static double[][] crossValidatedReadings(List<Example> examples) {
        int[] fold = folds(examples.size(), 9);
        double[][] scores = new double[examples.size()][];
        for (int k = 0; k < FOLDS; k++) {
            int held = k;
            List<Example> train = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != held) {
                    train.add(examples.get(i));
                }
            }
            Logistic model = fit(train);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] == held) {
                    scores[i] = examples.get(i).readings().stream()
                            .mapToDouble(model::probability)
                            .toArray();
                }
            }
        }
        return scores;
    }

    /** The lowest threshold at which at most MAX_FALSE_ALARMS of the non-crisis conversations score at or above it. */
    static double calibrate(List<Example> examples, double[] scores) {
        List<Double> negatives = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (!examples.get(i).labelled().crisis()
                    && CrisisFitData.calibrates(examples.get(i).labelled())) {
                negatives.add(scores[i]);
            }
        }
        negatives.sort(Collections.reverseOrder());
        int allowed = (int) Math.floor(MAX_FALSE_ALARMS * negatives.size());
        return Math.nextUp(negatives.get(allowed));
    }

    /** Class-balanced logistic regression on every reading of every conversation ({@link LogisticFit}). */
    static Logistic fit(List<Example> examples) {
        List<LogisticFit.Labelled> rows = new ArrayList<>();
        for (Example e : examples) {
            for (double[] x : e.readings()) {
                rows.add(new LogisticFit.Labelled(x, e.labelled().crisis()));
            }
        }
        return LogisticFit.fit(rows, L2, STEPS);
    }

    private static List<String> sets(List<Example> examples) {
        return examples.stream().map(e -> e.labelled().set()).distinct().toList();
    }

    static double falseAlarms(List<Example> examples, double[] scores, double threshold, Predicate<Example> which) {
        int negatives = 0, flagged = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (which.test(examples.get(i)) && !examples.get(i).labelled().crisis()) {
                negatives++;
                flagged += scores[i] >= threshold ? 1 : 0;
            }
        }
        return negatives == 0 ? 0 : (double) flagged / negatives;
    }

    /** Recall and false alarms of the reader alone, and what it adds to the screen before it (patterns and semantic). */
    private static String line(
            String name, List<Example> examples, double[] scores, double threshold, Predicate<Example> which) {
        int crises = 0, caught = 0, negatives = 0, alarms = 0, addedCaught = 0, addedAlarms = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (!which.test(e)) {
                continue;
            }
            boolean flagged = scores[i] >= threshold;
            boolean added = flagged && !e.flaggedBefore();
            if (e.labelled().crisis()) {
                crises++;
                caught += flagged ? 1 : 0;
                addedCaught += added ? 1 : 0;
            } else {
                negatives++;
                alarms += flagged ? 1 : 0;
                addedAlarms += added ? 1 : 0;
            }
        }
        return String.format(
                Locale.ROOT,
                "%s: recall %d/%d, false alarms %d/%d; beyond patterns and semantic screen: +%d crises, +%d false alarms",
                name,
                caught,
                crises,
                alarms,
                negatives,
                addedCaught,
                addedAlarms);
    }

    /** The Spanish conversations heard by one reading only, as written or glossed (cross-validated). */
    private static List<String> spanishReadings(List<Example> examples, double threshold) {
        List<String> out = new ArrayList<>();
        for (int reading = 0; reading < 2; reading++) {
            int which = reading;
            List<Example> one = examples.stream()
                    .map(e -> e.spanish() && e.readings().size() == 2
                            ? new Example(
                                    e.labelled(),
                                    true,
                                    List.of(e.heard().get(which)),
                                    List.of(e.readings().get(which)),
                                    e.flaggedBefore())
                            : e)
                    .toList();
            double[] scores = crossValidated(one);
            out.add(line(
                    "Spanish, " + (reading == 0 ? "as written only" : "English gloss only") + " (fitted so too)",
                    one,
                    scores,
                    threshold,
                    Example::spanish));
        }
        return out;
    }

    /** The least probabilities the semantic screen's alarms need from the learned reader. */
    record Supports(double whole, double sentence) {}

    /**
     * The support the semantic screen's alarms need from the learned reader ({@link
     * LearnedCrisisReader#supportsOneSentence}, {@link LearnedCrisisReader#supportsWholeMessage}):
     * first one sentence's, then the whole conversation's, each the highest on {@link #SUPPORT_GRID}
     * at which the whole screen, each reading scored by the model fitted without it, loses no fitting
     * crisis. The exemplars are left out, as the semantic screen hears each of them as itself. Adds a
     * figure line per support tried to {@code figures}.
     */
    static Supports supports(
            List<Example> examples,
            double[][] probabilities,
            double threshold,
            Embedder embedder,
            List<String> figures) {
        CrisisDetector patterns = new CrisisDetector(CrisisPatterns.fromResources());
        SemanticCrisisScreen semantic = SemanticCrisisScreen.fromResources(embedder);
        List<Screened> measured = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (e.labelled().set().equals(SemanticCrisisScreen.EXEMPLARS)) {
                continue;
            }
            List<ScreenedReading> readings = new ArrayList<>();
            for (int r = 0; r < e.heard().size(); r++) {
                Heard h = e.heard().get(r);
                boolean stands = patterns.assess(h.message(), h.history()).crisis() || probabilities[i][r] >= threshold;
                boolean whole = semantic.read(h.message(), h.history()).crisis();
                boolean oneSentence = !stands
                        && !semantic.screenSentences(h.message(), h.history(), patterns::discounts)
                                .isEmpty();
                readings.add(new ScreenedReading(stands, whole, oneSentence, probabilities[i][r]));
            }
            measured.add(new Screened(e.labelled().crisis(), readings));
        }
        double sentence = 0;
        for (double support : SUPPORT_GRID) {
            if (lost(measured, "one sentence's alarm", 0, support, figures) == 0) {
                sentence = support;
            }
        }
        double whole = 0;
        for (double support : SUPPORT_GRID) {
            if (lost(measured, "the whole conversation's alarm", support, sentence, figures) == 0) {
                whole = support;
            }
        }
        figures.add(String.format(
                Locale.ROOT, "support chosen: whole conversation %.3f, one sentence %.3f", whole, sentence));
        return new Supports(whole, sentence);
    }

    /** How many fitting crises these supports lose; adds their figure line to {@code figures}. */
    private static int lost(
            List<Screened> measured, String which, double whole, double sentence, List<String> figures) {
        int crises = 0, lost = 0, alarms = 0, lifted = 0;
        for (Screened conversation : measured) {
            boolean before = conversation.heard(0, 0); // no support needed: the screen without the bars
            boolean after = conversation.heard(whole, sentence);
            if (conversation.crisis()) {
                crises += before ? 1 : 0;
                lost += before && !after ? 1 : 0;
            } else {
                alarms += before ? 1 : 0;
                lifted += before && !after ? 1 : 0;
            }
        }
        figures.add(String.format(
                Locale.ROOT,
                "%s needing support (whole %.3f, sentence %.3f; %d conversations, exemplars left out): crises heard"
                        + " %d, lost %d; false alarms %d, lifted %d",
                which,
                whole,
                sentence,
                measured.size(),
                crises,
                lost,
                alarms,
                lifted));
        return lost;
    }

    private static void write(
            Logistic model, double threshold, Supports supports, List<String> figures, int conversations)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put(
                "about",
                "The learned crisis reader: class-balanced logistic regression (L2 " + L2 + ", " + STEPS
                        + " steps of gradient descent) on the " + EmbeddingModels.BGE_SMALL
                        + " query vector of the conversation, written by CrisisReaderFit on " + conversations
                        + " labelled conversations of " + String.join(", ", CrisisFitData.EXEMPLAR_SETS) + ", "
                        + String.join(", ", CrisisFitData.MESSAGE_SETS) + " (each Spanish one as written and as its"
                        + " English gloss) and, as non-crisis, " + String.join(", ", CrisisFitData.ORDINARY_SETS)
                        + " and the out-of-field questions of " + String.join(", ", CrisisFitData.OUTSIDE_SETS)
                        + ". Never fitted on crisis-fresh-holdout-4 or frozen/. Threshold: the lowest at which, "
                        + FOLDS + "-fold cross-validated, at most " + MAX_FALSE_ALARMS
                        + " of the non-crisis conversations are flagged (the out-of-field questions fitted on, not"
                        + " counted). Sentence support, then whole support: the"
                        + " highest of " + Arrays.toString(SUPPORT_GRID) + " at which, cross-validated, no fitting"
                        + " crisis is lost when the semantic screen's alarm on one sentence, then on the whole"
                        + " conversation, needs it. Weights apply to (x - mean) / scale.");
        root.put("embedding", EmbeddingModels.BGE_SMALL);
        root.put("threshold", threshold);
        root.put("wholeSupport", supports.whole());
        root.put("sentenceSupport", supports.sentence());
        // Chosen after a fit, on the fitted reader's probabilities (docs/tuning.md, session 17): kept as it
        // was, to be chosen again whenever the weights change.
        JsonNode shipped = CrisisFitData.read(LearnedCrisisReader.MODEL);
        root.set("ruleQuestionThreshold", shipped.get("ruleQuestionThreshold"));
        root.set("ruleQuestionThresholdChosen", shipped.get("ruleQuestionThresholdChosen"));
        putFit(root, figures, model.bias(), model.mean(), model.scale(), model.weights());
        json.writerWithDefaultPrettyPrinter()
                .writeValue(
                        Path.of("src/main/resources" + LearnedCrisisReader.MODEL)
                                .toFile(),
                        root);
    }

    /** Which of {@code FOLDS} folds each of {@code n} conversations is in, shuffled with {@code seed}. */
    static int[] folds(int n, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order.get(i)] = i % FOLDS;
        }
        return fold;
    }

    /** A fit's figures and its weights on the standardised embedding, as the readers read them. */
    static void putFit(
            ObjectNode root, List<String> figures, double bias, double[] mean, double[] scale, double[] weights) {
        ArrayNode fig = root.putArray("figures");
        figures.forEach(fig::add);
        root.put("bias", bias);
        put(root.putArray("mean"), mean);
        put(root.putArray("scale"), scale);
        put(root.putArray("weights"), weights);
    }

    static void put(ArrayNode array, double[] values) {
        Arrays.stream(values).forEach(v -> array.add(Math.round(v * 1e7) / 1e7));
    }
}
