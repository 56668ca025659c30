package com.askkira.safety;

import com.askkira.language.SpanishGloss;
import com.askkira.retrieval.Turn;
import java.util.List;
import java.util.Objects;

/**
 * Hears crisis in Spanish too: a conversation with Spanish in it is also screened as its English
 * gloss, and counts as a crisis when either reading does. Kira's screens were built and checked in
 * English; a gloss lets them hear "esta noche me tomo todas las pastillas" as what it is.
 */
public final class BilingualCrisisScreen implements CrisisScreen {
    private final CrisisScreen english;
    private final SpanishGloss spanish;

    public BilingualCrisisScreen(CrisisScreen english, SpanishGloss spanish) {
        this.english = Objects.requireNonNull(english, "english");
        this.spanish = Objects.requireNonNull(spanish, "spanish");
    }

    @Override
    public CrisisAssessment assess(String message, List<Turn> history) {
        CrisisAssessment asWritten = english.assess(message, history);
        boolean anySpanish =
                spanish.isSpanish(message) || history.stream().anyMatch(t -> spanish.isSpanish(t.content()));
        if (asWritten.crisis() || !anySpanish) {
            return asWritten;
        }
        List<Turn> glossedHistory = history.stream()
                .map(t -> new Turn(t.role(), spanish.isSpanish(t.content()) ? spanish.gloss(t.content()) : t.content()))
                .toList();
        return english.assess(spanish.isSpanish(message) ? spanish.gloss(message) : message, glossedHistory);
    }
}
