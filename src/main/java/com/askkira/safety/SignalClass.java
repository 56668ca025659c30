package com.askkira.safety;

import java.util.EnumSet;
import java.util.Set;

/**
 * How far a risk signal can be explained away by its framing. The line follows the Columbia
 * suicide severity scale and the library's own threshold for a therapist's duty to act: a wish to
 * be dead or a suicidal thought, asked about as a hypothetical disclosure ("if I tell my therapist
 * I have suicidal thoughts...") is a question about confidentiality; intent, a plan, means at hand
 * or a time is a crisis however the sentence around it is framed. Nothing survives a negation
 * ("I would never..."), a general person ("a client who...") or the distant past.
 */
enum SignalClass {
    THOUGHT("suicidal thoughts, urges or a wish to hurt someone", Framing.CONDITIONAL, Framing.DISCLOSURE),
    BEHAVIOUR("self-harm now or recently", Framing.CONDITIONAL, Framing.DISCLOSURE),
    INTENT("intent stated for now or the near future"),
    PLAN("a plan, means at hand, a time or a farewell"),
    /** Telling someone that a child is being hit is not hypothetical: only a bare "if" explains it away. */
    DANGER("someone being hurt or threatened now", Framing.CONDITIONAL, Framing.HYPERBOLE),
    CUE("distress that is weak alone", Framing.CONDITIONAL, Framing.DISCLOSURE, Framing.HYPERBOLE);

    private final String description;
    private final Set<Framing> yieldsTo;

    SignalClass(String description, Framing... alsoYieldsTo) {
        this.description = description;
        this.yieldsTo = EnumSet.of(Framing.NEGATION, Framing.GENERAL_PERSON, Framing.DISTANT_PAST);
        this.yieldsTo.addAll(Set.of(alsoYieldsTo));
    }

    String description() {
        return description;
    }

    /** Whether the framings found around a signal of this class explain it away. */
    boolean explainedAwayBy(Set<Framing> around) {
        for (Framing framing : around) {
            // "if he hits her again" is not a hypothetical: it has happened and goes on.
            boolean ongoingDanger =
                    this == DANGER && framing == Framing.CONDITIONAL && around.contains(Framing.ONGOING);
            // "if i tell my counselor i relapsed today…": the telling is hypothetical, the self-harm is not.
            boolean harmToday = this == BEHAVIOUR
                    && (framing == Framing.DISCLOSURE || framing == Framing.CONDITIONAL)
                    && around.contains(Framing.IMMEDIACY);
            if (yieldsTo.contains(framing) && !ongoingDanger && !harmToday) {
                return true;
            }
        }
        return false;
    }
}
