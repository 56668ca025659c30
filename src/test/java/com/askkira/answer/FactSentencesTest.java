package com.askkira.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.learn.Logistic;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Retriever;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FactSentencesTest {
    private static final String QUESTION = "Under the APA ethics code, when can a psychologist share my information?";

    private static OfflineAnswerer.Selection selection;
    private static Logistic shipped;

    @BeforeAll
    static void select() throws IOException {
        OfflineAnswerer offline = TestAnswerers.offline(FactSentences.NONE);
        Retriever retriever = TestKira.shared()
                .retriever()
                .sectionMates()
                .widening(TestKira.shared().retriever());
        selection = offline.selection(retriever.retrieve(RetrievalQuery.of(QUESTION), 6))
                .orElseThrow();
        try (InputStream in = FactSentences.class.getResourceAsStream(FactSentences.MODEL)) {
            shipped = Logistic.read(new ObjectMapper().readTree(in));
        }
    }

    @Test
    void should_read_one_row_of_the_models_width_for_each_candidate() {
        List<double[]> features =
                FactSentences.features(QUESTION, selection.candidates(), selection.best(), selection.chosen());

        assertThat(features).hasSize(selection.candidates().size());
        assertThat(features).allSatisfy(row -> {
            assertThat(row).hasSize(shipped.size());
            assertThat(Arrays.stream(row).allMatch(Double::isFinite)).isTrue();
        });
    }

    @Test
    void should_add_only_sentences_not_yet_chosen_most_likely_first() {
        // A threshold low enough that the model adds several, so that their order shows.
        FactSentences generous = FactSentences.of(shipped.withThreshold(0.05));

        List<ScoredSentence> likely =
                generous.likely(QUESTION, selection.candidates(), selection.best(), selection.chosen());

        assertThat(likely).hasSizeGreaterThan(1).noneMatch(selection.chosen()::contains);
        List<double[]> features =
                FactSentences.features(QUESTION, selection.candidates(), selection.best(), selection.chosen());
        List<Double> probabilities = likely.stream()
                .map(s ->
                        shipped.probability(features.get(selection.candidates().indexOf(s))))
                .toList();
        assertThat(probabilities).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void should_add_nothing_without_a_model_or_above_every_probability() {
        assertThat(FactSentences.NONE.likely(QUESTION, selection.candidates(), selection.best(), selection.chosen()))
                .isEmpty();
        assertThat(FactSentences.of(shipped.withThreshold(0.999999))
                        .likely(QUESTION, selection.candidates(), selection.best(), selection.chosen()))
                .isEmpty();
    }

    @Test
    void should_ship_a_model_whose_threshold_leaves_most_candidates_out() {
        FactSentences fromJar = FactSentences.fromResources();

        List<ScoredSentence> likely =
                fromJar.likely(QUESTION, selection.candidates(), selection.best(), selection.chosen());

        assertThat(shipped.threshold()).isBetween(0.05, 0.95);
        assertThat(likely.size()).isLessThan(selection.candidates().size() / 2);
    }
}
