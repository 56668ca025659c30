package com.askkira.safety;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a conversation has shown so far, and the decision it adds up to. One per assessment. */
final class RiskTally {
    private static final Set<SignalClass> ROOM_FOR_THE_QUESTION =
            EnumSet.of(SignalClass.THOUGHT, SignalClass.BEHAVIOUR, SignalClass.CUE);

    private final Map<String, Signal> found = new LinkedHashMap<>();
    private final Set<Framing> explainedBy = EnumSet.noneOf(Framing.class);
    private boolean topicRaised;
    private boolean immediate;

    boolean has(Signal signal) {
        return found.containsKey(signal.id());
    }

    /** Each signal counts once, however often it is repeated. */
    void add(Signal signal) {
        found.putIfAbsent(signal.id(), signal);
    }

    void explainedAway(Set<Framing> framings) {
        explainedBy.addAll(framings);
    }

    void topicRaised() {
        topicRaised = true;
    }

    void immediate() {
        immediate = true;
    }

    CrisisAssessment decide(boolean ruleQuestion) {
        List<Signal> strong =
                found.values().stream().filter(s -> s.weight() >= Signal.ENOUGH).toList();
        if (!strong.isEmpty()) {
            return crisis(strong, ruleQuestion);
        }
        int cues = found.values().stream().mapToInt(Signal::weight).sum();
        if (cues > 0) {
            int score = cues + (topicRaised ? 1 : 0) + (immediate ? 1 : 0) - (ruleQuestion ? 1 : 0);
            return score >= Signal.ENOUGH
                    ? crisis(List.copyOf(found.values()), ruleQuestion)
                    : CrisisAssessment.none("below threshold: only weak distress cues");
        }
        if (!explainedBy.isEmpty()) {
            return CrisisAssessment.none("risk mentioned only as " + describe(explainedBy));
        }
        return CrisisAssessment.none("no risk signal");
    }

    /**
     * A crisis of thoughts or self-harm, with no plan, intent or time at hand, in a message that
     * asks about the rules ("I self-harm; if I tell my therapist, does she have to tell my
     * parents?"): the help lines come first, and the question is answered too, since the answer
     * may be what lets the reader tell their therapist.
     */
    private CrisisAssessment crisis(List<Signal> deciding, boolean ruleQuestion) {
        Set<RiskKind> kinds = EnumSet.noneOf(RiskKind.class);
        Set<SignalClass> classes = EnumSet.noneOf(SignalClass.class);
        for (Signal s : deciding) {
            kinds.addAll(s.kinds());
            classes.add(s.signalClass());
        }
        List<String> why =
                new ArrayList<>(classes.stream().map(SignalClass::description).toList());
        if (immediate) {
            why.add(Framing.IMMEDIACY.description());
        }
        boolean answerToo = ruleQuestion && !immediate && ROOM_FOR_THE_QUESTION.containsAll(classes);
        return new CrisisAssessment(true, kinds, "crisis: " + String.join("; ", why), answerToo);
    }

    private static String describe(Set<Framing> framings) {
        return String.join(
                ", ",
                framings.stream()
                        .filter(f -> f != Framing.ONGOING && f != Framing.RECENT)
                        .map(Framing::description)
                        .toList());
    }
}
