package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.retrieval.RetrievalMode;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The golden sets through the real index: "dev" is what retrieval was tuned on; "holdout" was
 * written separately, but retrieval changes have since been judged on it (one was dropped for what
 * it did there), so it is a second dev set. The untouched measure is the newest frozen blind set
 * ({@code FrozenBlindSet8Test}, read once in session 10; sets 4 to 7 print in every run, and 4 to 7
 * were read item by item for session 10's diagnosis, so they are dev sets, and 8 is no longer blind
 * from now on: the next session's answer work needs a set 9). Prints
 * every ranking's numbers and the misses; the fused ranking's hit@1 was 0.711 (dev) and 0.780
 * (holdout) in session 8, its floor a question or so below both.
 */
class RetrievalGoldenSetTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"retrieval-dev.json", "retrieval-holdout.json"})
    void should_find_the_right_section_in_the_top_three_for_nine_in_ten_questions(String file) throws IOException {
        GoldenSet set = GoldenSets.named(file);
        RetrievalEvaluator evaluator = new RetrievalEvaluator(TestKira.shared().retriever());

        System.out.println("Retrieval on " + file + ":");
        Map<RetrievalMode, RetrievalScore> scores = new EnumMap<>(RetrievalMode.class);
        for (RetrievalMode mode : RetrievalMode.values()) {
            scores.put(mode, evaluator.score(set, mode));
            System.out.println("  " + scores.get(mode));
        }
        RetrievalScore hybrid = scores.get(RetrievalMode.HYBRID);
        hybrid.misses()
                .forEach(m ->
                        System.out.printf("    miss %s [%s] rank %d: %s%n", m.id(), m.kind(), m.rank(), m.question()));

        assertThat(set.questions()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(hybrid.hit3()).isGreaterThanOrEqualTo(0.90);
        assertThat(hybrid.mrr()).isGreaterThanOrEqualTo(0.75);
        assertThat(hybrid.hit1()).isGreaterThanOrEqualTo(0.70);
        // Fusion earns its place only if it beats each ranking alone.
        for (RetrievalMode alone : List.of(RetrievalMode.BM25, RetrievalMode.VECTOR)) {
            assertThat(hybrid.hit3())
                    .as("hybrid vs " + alone)
                    .isGreaterThanOrEqualTo(scores.get(alone).hit3());
            assertThat(hybrid.mrr())
                    .as("hybrid vs " + alone)
                    .isGreaterThanOrEqualTo(scores.get(alone).mrr());
            assertThat(hybrid.hit1())
                    .as("hybrid vs " + alone)
                    .isGreaterThanOrEqualTo(scores.get(alone).hit1());
        }
    }
}
