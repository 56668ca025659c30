package com.askkira.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The few sentences a crisis answer starts with. Written to safe-messaging practice: warm and
 * short, no judgement, no detail of any method, says the reader is not alone, names the people to
 * reach now (988 first, as in {@link CrisisResources}) and is plain that Kira cannot send help.
 * Only the opening varies, by the most urgent kind of risk; the resources follow the kinds.
 */
public final class CrisisMessage {
    /** Most urgent first: a child, then someone being hurt, then the asker, then someone threatened. */
    private static final List<RiskKind> URGENCY =
            List.of(RiskKind.CHILD_AT_RISK, RiskKind.ABUSE_NOW, RiskKind.SELF_HARM, RiskKind.HARM_TO_OTHERS);

    /** For a reader writing in Spanish, after the lead: the Lifeline's Spanish options. */
    public static final String SPANISH =
            "En español: llama al 988 y marca 2, o envía la palabra AYUDA por" + " mensaje de texto al 988.";

    private CrisisMessage() {}

    /** The lead text for a crisis of these kinds; empty when there is none. */
    public static String lead(Set<RiskKind> kinds) {
        if (kinds.isEmpty()) {
            return "";
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(
                opening(URGENCY.stream().filter(kinds::contains).findFirst().orElseThrow()));
        sentences.add("Please call or text 988, the Suicide & Crisis Lifeline, to talk with someone right now,"
                + " day or night.");
        sentences.add("If you or anyone else is in immediate danger, call 911.");
        if (kinds.contains(RiskKind.CHILD_AT_RISK)) {
            sentences.add("Childhelp, at 1-800-422-4453, is there for children and for adults worried about a child.");
        }
        sentences.add("If texting is easier, text HOME to 741741 to reach the Crisis Text Line.");
        sentences.add("I'm Kira, an information service, not an emergency service: I can't call anyone or send"
                + " help, but the people at these numbers can.");
        return String.join(" ", sentences);
    }

    private static String opening(RiskKind kind) {
        return switch (kind) {
            case SELF_HARM ->
                "I'm really glad you reached out, and I'm sorry you're carrying so much right now."
                        + " You don't have to go through this alone.";
            case HARM_TO_OTHERS ->
                "Thank you for saying this; it takes courage. Feelings this strong can be"
                        + " talked through, and you don't have to handle them alone.";
            case CHILD_AT_RISK ->
                "Thank you for telling me. No child deserves to be hurt, and you don't have to" + " handle this alone.";
            case ABUSE_NOW -> "I'm so sorry this is happening. You deserve to be safe, and you're not alone in this.";
        };
    }
}
