package com.askkira.eval;

/**
 * The frozen blind set {@code frozen/blind-15.json}: 210 items written 2026-12-08 (start of session
 * 20) by a writer who read only the library's documents, the seed and the source facts, never the
 * code, the tests or the other sets: 60 answerable, 20 follow-ups, 20 in Spanish, 30 gaps (2 in
 * Spanish), 30 outside the field (2 in Spanish), 25 crisis messages (8 in Spanish) and 25
 * look-alikes (6 in Spanish; 17 expect an answer). It is measured, never tuned on: this test prints
 * only the figures, never an item, and no code may change for one of its items.
 *
 * <p>Read once before any change of session 20, on main as it stood (64a312b), on a processor with
 * AVX2 and no AVX-512: search hit@3 0.983, answer citations hit@3 0.966, facts 0.892, answerable
 * declined 0.009, gaps declined 0.833, outside declined 0.867, crisis recall 0.960 (Spanish 1.000),
 * look-alikes answered 0.720, overclaims 0. Read again at the end of that session (Kira's own answer
 * judged whole, its answers unchanged; both tries at the weak kinds reverted): every figure the same.
 * {@link #FLOOR} holds that reading.
 */
class FrozenBlindSet15Test extends FrozenBlindSetChecks {
    private static final BlindSets.Figures FLOOR =
            new BlindSets.Figures(0.983, 0.966, 0.892, 0.009, 0.833, 0.867, 0.960, 1.000, 0.720, 0, 117, 25);

    FrozenBlindSet15Test() {
        super("blind-15.json", "blind set 15", FLOOR);
    }
}
