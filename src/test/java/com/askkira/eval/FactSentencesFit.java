package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.askkira.TestKira;
import com.askkira.answer.FactSentences;
import com.askkira.answer.OfflineAnswerer;
import com.askkira.answer.ScoredSentence;
import com.askkira.answer.TestAnswerers;
import com.askkira.language.SpanishGloss;
import com.askkira.learn.Logistic;
import com.askkira.learn.LogisticFit;
import com.askkira.retrieval.ReaderRetriever;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Retriever;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Refits {@link FactSentences} ({@code src/main/resources/answer/fact-sentences.json}) and chooses
 * its one threshold. Run by hand, never in CI:
 *
 * <pre>mvn -B -ntp test -Dtest=FactSentencesFit -Dkira.fit=true [-Dkira.fit.write=true]</pre>
 *
 * <p>The data: every sentence the offline answerer scores for the answerable questions of the dev
 * sets that carry facts (blind sets 4 to 8, everyday-dev, retrieval-dev; 808 questions, seven writers),
 * labelled by whether it states one of its question's facts. Held-out and frozen sets
 * (everyday-holdout, retrieval-holdout, blind sets 10 and 11) are never among them; the figures of
 * the first three were read before the model was kept (docs/tuning.md), so for that choice they are
 * dev sets too.
 *
 * <p>The threshold: each dev set is left out in turn and its facts counted in what the answer would
 * quote (the answerer's own choice and the sentences the model adds); the highest threshold at which
 * the left-out facts reach issue 9's target ({@value #TARGET}) is kept, the fewest sentences added
 * that reach it.
 */
@EnabledIfSystemProperty(named = "kira.fit", matches = "true")
class FactSentencesFit {
    static final double TARGET = 0.85;
    /** The answer decision's penalty. */
    private static final double L2 = 0.01;

    private static final int PASSAGES = 6;
    /** How much longer the answers may grow, in words quoted a question, for the facts the model adds. */
    private static final double MAX_GROWTH = 1.5;
    /** Above every probability: the answerer's own choice alone. */
    private static final double NOTHING_ADDED = 2;

    private static final List<String> BLIND =
            List.of("blind-4.json", "blind-5.json", "blind-6.json", "blind-7.json", "blind-8.json");
    private static final List<String> GOLDEN = List.of("everyday-dev.json", "retrieval-dev.json");

    /** One question's candidate sentences as the model reads them, and its facts. */
    record Example(
            String set, List<double[]> features, List<String> texts, List<Boolean> chosen, List<List<String>> facts) {
        boolean states(int sentence) {
            String text = texts.get(sentence).toLowerCase(Locale.ROOT);
            return facts.stream().anyMatch(f -> f.stream().anyMatch(p -> text.contains(p.toLowerCase(Locale.ROOT))));
        }
    }

    /** A threshold's left-out figures: facts stated of all, and words quoted per question. */
    record Figures(int stated, int facts, long words, int questions) {
        static final Figures NONE = new Figures(0, 0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(
                    stated + other.stated(),
                    facts + other.facts(),
                    words + other.words(),
                    questions + other.questions());
        }

        double share() {
            return (double) stated / facts;
        }
    }

    @Test
    void refit() throws IOException {
        List<Example> examples = examples();
        List<String> sets = new ArrayList<>(BLIND);
        sets.addAll(GOLDEN);
        double[] grid = new double[76];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 0.99 - 0.0125 * i;
        }
        Figures[] leftOut = new Figures[grid.length];
        Arrays.fill(leftOut, Figures.NONE);
        Figures before = Figures.NONE;
        for (String set : sets) {
            Logistic model = LogisticFit.fit(
                    labelled(examples.stream().filter(e -> !e.set().equals(set)).toList()), L2);
            List<Example> test =
                    examples.stream().filter(e -> e.set().equals(set)).toList();
            before = before.plus(figures(test, model, NOTHING_ADDED));
            for (int i = 0; i < grid.length; i++) {
                leftOut[i] = leftOut[i].plus(figures(test, model, grid[i]));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d questions; the answerer's own choice: facts %.3f, %d words a question%n",
                before.questions(),
                before.share(),
                before.words() / before.questions());
        int chosenAt = -1;
        for (int i = 0; i < grid.length; i++) {
            System.out.printf(
                    Locale.ROOT,
                    "threshold %.4f: left-out facts %d/%d = %.3f, %d words a question%n",
                    grid[i],
                    leftOut[i].stated(),
                    leftOut[i].facts(),
                    leftOut[i].share(),
                    leftOut[i].words() / leftOut[i].questions());
            if (chosenAt < 0 && leftOut[i].share() >= TARGET) {
                chosenAt = i;
            }
        }
        assertThat(chosenAt).as("a threshold reaching the target").isNotNegative();
        double chosen = grid[chosenAt];
        assertThat(leftOut[chosenAt].share()).isGreaterThan(before.share());
        // The price in words: 132 → 165 a question when it was chosen; more than half again is a different answerer.
        assertThat(leftOut[chosenAt].words() / (double) leftOut[chosenAt].questions())
                .isLessThanOrEqualTo(MAX_GROWTH * before.words() / before.questions());
        Logistic model = LogisticFit.fit(labelled(examples), L2).withThreshold(chosen);
        System.out.printf(Locale.ROOT, "chosen threshold %.4f%n%s%n", chosen, model.json());
        if (Boolean.getBoolean("kira.fit.write")) {
            Files.writeString(Path.of("src/main/resources/answer/fact-sentences.json"), model.json() + "\n");
        } else {
            assertThat(shippedThreshold())
                    .as("the shipped threshold is the rule's")
                    .isEqualTo(chosen, within(1e-6));
        }
    }

    private static double shippedThreshold() throws IOException {
        try (InputStream in = FactSentencesFit.class.getResourceAsStream("/answer/fact-sentences.json")) {
            return Logistic.read(new ObjectMapper().readTree(in)).threshold();
        }
    }

    /** What the answers would quote with {@code model} adding the sentences it reads at {@code threshold} or above. */
    private static Figures figures(List<Example> test, Logistic model, double threshold) {
        int stated = 0, facts = 0;
        long words = 0;
        for (Example e : test) {
            StringBuilder quoted = new StringBuilder();
            for (int i = 0; i < e.texts().size(); i++) {
                if (e.chosen().get(i) || model.probability(e.features().get(i)) >= threshold) {
                    quoted.append(e.texts().get(i)).append(' ');
                    words += e.texts().get(i).split("\\s+").length;
                }
            }
            String text = quoted.toString().toLowerCase(Locale.ROOT);
            for (List<String> fact : e.facts()) {
                facts++;
                stated += fact.stream().anyMatch(p -> text.contains(p.toLowerCase(Locale.ROOT))) ? 1 : 0;
            }
        }
        return new Figures(stated, facts, words, test.size());
    }

    private static List<LogisticFit.Labelled> labelled(List<Example> examples) {
        List<LogisticFit.Labelled> out = new ArrayList<>();
        for (Example e : examples) {
            for (int i = 0; i < e.texts().size(); i++) {
                out.add(new LogisticFit.Labelled(e.features().get(i), e.states(i)));
            }
        }
        return out;
    }

    /** The dev sets' answerable questions with facts, each with the sentences its answer is chosen from. */
    private static List<Example> examples() throws IOException {
        OfflineAnswerer offline = TestAnswerers.offline(FactSentences.NONE);
        // As the answer path searches: glossed, with the history, and with the rest of each found section.
        Retriever readers = TestKira.shared()
                .retriever()
                .sectionMates()
                .widening(ReaderRetriever.over(TestKira.shared().retriever(), SpanishGloss.fromResources()));
        List<Example> examples = new ArrayList<>();
        for (String set : BLIND) {
            for (BlindSets.Item item : BlindSets.read(set)) {
                if (item.expect().equals("answer")) {
                    example(set, item.question(), item.history(), item.facts(), offline, readers)
                            .ifPresent(examples::add);
                }
            }
        }
        for (String set : GOLDEN) {
            for (var q : GoldenSets.named(set).questions()) {
                if (!q.facts().isEmpty()) {
                    example(set, q.question(), q.turns(), q.facts(), offline, readers)
                            .ifPresent(examples::add);
                }
            }
        }
        return examples;
    }

    private static Optional<Example> example(
            String set,
            String question,
            List<Turn> history,
            List<List<String>> facts,
            OfflineAnswerer offline,
            Retriever readers) {
        return offline.selection(readers.retrieve(new RetrievalQuery(question, history), PASSAGES))
                .map(s -> new Example(
                        set,
                        FactSentences.features(question, s.candidates(), s.best(), s.chosen()),
                        s.candidates().stream().map(ScoredSentence::text).toList(),
                        s.candidates().stream().map(c -> s.chosen().contains(c)).toList(),
                        facts));
    }
}
