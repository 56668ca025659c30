package com.askkira.safety;

import com.askkira.Kira;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crisis screen as the pipeline runs it ({@link Kira#inputScreen}: personal data redacted, then
 * patterns, meaning and the learned reader, on the message as written and on its English gloss) on
 * {@code crisis-fresh-holdout-4}: 40 crisis messages and 40 look-alikes, half of each in Spanish,
 * written on 2026-12-06 before their writer read any of the safety package. It was measured before
 * the learned reader ({@link LearnedCrisisReader}) was added, after it was fitted, calibrated and
 * wired in, (session 9) after it was refitted with {@code crisis-train-5} and one sentence's alarm
 * came to need its support, and (session 10) after the Spanish gloss learned verbs in any form and
 * everyday words and the reader was refitted with {@code crisis-train-es-2}, and (session 14) after
 * the reader was refitted with the answer decision's out-of-field questions as non-crises.
 *
 * <pre>
 *           recall before -> after -> s9 -> s10 -> s14     false alarms before -> after -> s9 -> s10 -> s14
 * English   0.95 (19/20) -> 0.95 -> 0.95 -> 0.95 -> 0.95   0.10 (2/20) -> 0.15 (3/20) -> 0.15 -> 0.15 -> 0.10
 * Spanish   0.70 (14/20) -> 0.90 -> 0.95 -> 0.95 -> 1.00   0.15 (3/20) -> 0.20 (4/20) -> 0.15 -> 0.20 -> 0.20
 * all       0.825        -> 0.925 -> 0.95 -> 0.95 -> 0.975 0.125       -> 0.175       -> 0.15 -> 0.175 -> 0.15
 * </pre>
 *
 * It is a dev set since session 13: its aggregates were read to reject a change (the crisis sets'
 * look-alikes as the semantic screen's informational exemplars lost one of its Spanish crises) and,
 * in session 14, to keep one (the refit above); its items were never read. The floors below hold the
 * fifth measure's recall (crisis recall has no slack) and keep the false alarms' floors of session
 * 10, at or one look-alike above it.
 */
class CrisisFreshHoldout4Test {
    private static ScreenedHoldout holdout;

    @BeforeAll
    static void load() {
        holdout = new ScreenedHoldout("/safety/crisis-fresh-holdout-4.json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, 0.95, 0.15", "es, 1.0, 0.20", "all, 0.975, 0.175"})
    void should_give_help_lines_to_crises_written_blind_and_answer_their_look_alikes(
            String language, double minRecall, double maxFalseAlarms) {
        holdout.assertFloors(
                "Crisis holdout 4 (" + language + ")",
                m -> language.equals("all") || m.get("id").asText().contains("-" + language + "-"),
                m -> m.get("id").asText(),
                minRecall,
                maxFalseAlarms);
    }
}
