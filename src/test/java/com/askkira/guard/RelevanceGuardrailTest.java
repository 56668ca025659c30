package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.answer.AbstainReason;
import com.askkira.answer.AnswerDecision;
import com.askkira.answer.AnswerFixtures;
import com.askkira.answer.Citation;
import com.askkira.answer.ComposedAnswer;
import com.askkira.answer.Decider;
import com.askkira.answer.FieldClassifier;
import com.askkira.answer.LabelledNeighbours;
import com.askkira.answer.SentenceScorer;
import com.askkira.config.Tuning;
import com.askkira.corpus.Chunk;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.index.KiraAnalyzer;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.TermExtractor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A true sentence beside the point is not an answer: relevance reads only what the answer cites. */
class RelevanceGuardrailTest {
    private static final String QUESTION = "Can my employer find out what I talk about in therapy?";

    private static RelevanceGuardrail relevance;
    private static Retrieval retrieval;

    @BeforeAll
    static void build() {
        Embedder embedder = EmbeddingModels.load(TestKira.sharedConfig().embeddingModel());
        TermExtractor terms = new TermExtractor(KiraAnalyzer.forIndexing());
        Decider decider = new Decider(
                AnswerDecision.fromResources(),
                FieldClassifier.fromResources(embedder),
                LabelledNeighbours.fromResources(embedder),
                terms);
        relevance = new RelevanceGuardrail(
                decider, new SentenceScorer(terms, Tuning.defaults().answer()), AnswerFixtures.abstentions());
        retrieval = TestKira.shared().retriever().retrieve(RetrievalQuery.of(QUESTION), 6);
    }

    @Test
    void should_pass_an_answer_that_quotes_the_passage_on_the_question() {
        Passage employer = passage("can-my-employer-access-my-therapy-records");

        GuardResult result = relevance.check(QUESTION, quoting(employer), retrieval);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    /** A model answering a gap with the nearest passage (issue 9's sixth kind of failure) is declined. */
    @Test
    void should_decline_as_not_covered_an_answer_that_quotes_the_nearest_passage_to_a_gap() {
        String gap = "How many years must my therapist keep my file after I stop seeing her?";
        Retrieval nearest = TestKira.shared().retriever().retrieve(RetrievalQuery.of(gap), 6);

        GuardResult result = relevance.check(gap, quoting(nearest.passages().getFirst()), nearest);

        assertThat(result.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(result.answer().abstainReason()).contains(AbstainReason.NOT_COVERED);
        assertThat(result.answer().related()).isNotEmpty();
        assertThat(result.checks().getFirst().name()).isEqualTo("relevant");
    }

    /**
     * The same over every gap of a set: each answered with the first sentence of the nearest passage,
     * as a model that never declines would. The offline answerer declines most of them before any
     * check; this is the check's share on its own. The decision is fitted on abstention-dev; the two
     * holdouts were never fitted on, but have been read (dev sets).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "abstention-dev.json, 30, 0.86",
        "abstention-holdout.json, 25, 0.88",
        "abstention-holdout-2.json, 30, 0.66"
    })
    void should_decline_most_nearest_passage_answers_to_gaps(String file, int expectedGaps, double floor)
            throws IOException {
        int gaps = 0, declined = 0;
        try (InputStream in = getClass().getResourceAsStream("/golden/" + file)) {
            for (JsonNode q : new ObjectMapper().readTree(in).get("questions")) {
                if (!q.get("expect").asText().equals("not_covered")) {
                    continue;
                }
                String gap = q.get("question").asText();
                Retrieval nearest = TestKira.shared().retriever().retrieve(RetrievalQuery.of(gap), 6);
                gaps++;
                declined += relevance
                                        .check(gap, quoting(nearest.passages().getFirst()), nearest)
                                        .verdict()
                                == Verdict.BLOCKED
                        ? 1
                        : 0;
            }
        }
        double share = (double) declined / gaps;
        System.out.printf(
                Locale.ROOT, "Relevance check on the gaps of %s: declined %.3f (%d/%d)%n", file, share, declined, gaps);

        assertThat(gaps).isEqualTo(expectedGaps);
        // Measured 29/30, 23/25 and 22/30 (session 6); 29/30, 24/25 and 21/30 with session 9's decision; 26/30,
        // 22/25 and 20/30 with session 10's (decision-train-6 fitted on, 1 % of refusals), which declines more of
        // them before any check: through the whole answer path the holdouts' gaps declined go 23 → 24 of 25 and
        // 20 → 22 of 30 (AbstentionSetTest).
        assertThat(share).isGreaterThanOrEqualTo(floor);
    }

    private static Passage passage(String section) {
        return retrieval.passages().stream()
                .filter(p -> p.chunk().sectionKey().contains(section))
                .findFirst()
                .orElseThrow(() -> new AssertionError("retrieval found no passage of " + section));
    }

    private static ComposedAnswer quoting(Passage passage) {
        Chunk chunk = passage.chunk();
        String sentence = chunk.sentences().getFirst().text();
        return ComposedAnswer.answered(sentence + " [1]", List.of(Citation.of(1, chunk, sentence, List.of(sentence))));
    }
}
