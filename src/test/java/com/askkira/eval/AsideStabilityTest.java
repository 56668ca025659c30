package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A harmless aside must not change whether Kira answers: the dev golden questions, each asked
 * plain and with asides of the kinds readers add (a parenthetical, "just curious", a reference
 * tag, thanks), must be answered or declined alike. retrieval-dev is a dev set, and these asides
 * guided retrieval/asides.txt.
 */
class AsideStabilityTest {
    private static final List<String> ASIDES = List.of(
            "%s (just curious)",
            "%s Just curious, thanks!",
            "%s [ref 12]",
            "%s (asking for a class assignment)",
            "Quick question, sorry if it's obvious: %s",
            "%s Thanks in advance.");

    @Test
    void should_answer_or_decline_alike_whatever_aside_is_added() {
        GoldenSet golden = GoldenSets.named("retrieval-dev.json");
        int asked = 0, flipped = 0;
        List<String> flips = new ArrayList<>();
        for (GoldenQuestion q : golden.questions()) {
            if (!q.turns().isEmpty()) {
                continue;
            }
            boolean plain = answered(q.question());
            for (String aside : ASIDES) {
                asked++;
                String withAside = String.format(Locale.ROOT, aside, q.question());
                if (answered(withAside) != plain) {
                    flipped++;
                    flips.add(q.id() + ": " + withAside);
                }
            }
        }
        double rate = (double) flipped / asked;
        System.out.printf(
                Locale.ROOT,
                "Asides that changed the decision: %.3f (%d/%d) %s%n",
                rate,
                flipped,
                asked,
                flips.stream().limit(12).toList());

        // Measured 11 of 684 (0.016) before asides were dropped from the search (retrieval/asides.txt), 0 after.
        assertThat(flipped).isZero();
    }

    private static boolean answered(String question) {
        AnswerResponse response = TestKira.shared().answers().answer(new AnswerRequest(question, List.of()));
        return !response.abstained();
    }
}
