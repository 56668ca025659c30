package com.askkira.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The services an answer leads with when a conversation signals risk now. 988 comes first for
 * every kind of risk: it takes calls and texts about suicide, about any crisis, and from people
 * worried about someone else. 911 follows for immediate danger, Childhelp only when a child is at
 * risk (it is the one service here that is specifically for that), and Crisis Text Line last for
 * someone who cannot talk out loud.
 */
public final class CrisisResources {
    static final CrisisResource LIFELINE_CALL = new CrisisResource(
            "988 Suicide & Crisis Lifeline",
            "Call 988",
            "tel:988",
            "Any time, day or night: thoughts of suicide, any crisis, or worry about someone else");
    static final CrisisResource LIFELINE_TEXT = new CrisisResource(
            "988 Suicide & Crisis Lifeline",
            "Text 988",
            "sms:988",
            "The same counselors by text, when talking out loud is hard");
    static final CrisisResource EMERGENCY = new CrisisResource(
            "Emergency services", "Call 911", "tel:911", "If you or anyone else is in immediate danger");
    static final CrisisResource CHILDHELP = new CrisisResource(
            "Childhelp National Child Abuse Hotline",
            "Call 1-800-422-4453",
            "tel:18004224453",
            "Day and night, for children and for adults worried about a child");
    static final CrisisResource CRISIS_TEXT_LINE = new CrisisResource(
            "Crisis Text Line",
            "Text HOME to 741741",
            "sms:741741?body=HOME",
            "Any time, by text, with a trained crisis counselor");

    static final CrisisResource LIFELINE_SPANISH = new CrisisResource(
            "988 Lifeline en español",
            "Llama al 988 y marca 2, o envía AYUDA por texto al 988",
            "tel:988",
            "A cualquier hora, en español");

    private CrisisResources() {}

    /** As {@link #forKinds}, with the Lifeline's Spanish line second for a reader writing in Spanish. */
    public static List<CrisisResource> forKinds(Set<RiskKind> kinds, boolean spanish) {
        List<CrisisResource> resources = new ArrayList<>(forKinds(kinds));
        if (spanish && !resources.isEmpty()) {
            resources.add(1, LIFELINE_SPANISH);
        }
        return List.copyOf(resources);
    }

    /** The resources for these kinds of risk, in the order an answer shows them; none for none. */
    public static List<CrisisResource> forKinds(Set<RiskKind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<CrisisResource> resources = new ArrayList<>(List.of(LIFELINE_CALL, LIFELINE_TEXT, EMERGENCY));
        if (kinds.contains(RiskKind.CHILD_AT_RISK)) {
            resources.add(CHILDHELP);
        }
        resources.add(CRISIS_TEXT_LINE);
        return List.copyOf(resources);
    }
}
