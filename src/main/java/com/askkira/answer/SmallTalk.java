package com.askkira.answer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Greetings, thanks and "what can you do?": the first thing many visitors type. They get a short,
 * friendly reply that says what Kira is for, instead of "outside what the library covers".
 */
public final class SmallTalk {
    private static final Pattern GREETING = Pattern.compile(
            "^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|greetings)( (there|kira))?[!.?]*$");
    private static final Pattern THANKS = Pattern.compile(
            "^(thanks|thank you|thx|ty|cheers|ok thanks|great thanks|thanks kira)( (so much|a lot))?[!.]*$");
    private static final Pattern GOODBYE = Pattern.compile("^(bye|goodbye|see you|see ya|cya)[!.]*$");
    private static final Pattern ABOUT_KIRA = Pattern.compile(
            "^(who are you|what are you|what can you do|what do you do|how does this work|help|what is kira|are you (a bot|human|real))\\??$");

    private final String covers;

    /** @param covers what the library covers, in a few words ("confidentiality in therapy") */
    public SmallTalk(String covers) {
        this.covers = covers;
    }

    public Optional<String> reply(String message) {
        String m = message.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        if (GREETING.matcher(m).matches() || ABOUT_KIRA.matcher(m).matches()) {
            return Optional.of("Hi, I'm Kira. I answer questions about " + covers + " from this site's library, and I"
                    + " show the sources for every answer. Try asking, for example, whether your employer can see"
                    + " your therapy records. I'm not a therapist and not for emergencies: if you are in danger,"
                    + " call or text 988, or call 911.");
        }
        if (THANKS.matcher(m).matches()) {
            return Optional.of("You're welcome. Ask me anything else about " + covers + " whenever you like.");
        }
        if (GOODBYE.matcher(m).matches()) {
            return Optional.of("Take care. I'm here if you have more questions about " + covers + ".");
        }
        return Optional.empty();
    }
}
