package com.askkira.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a claim says more than the passage it cites. Meaning and shared words cannot see the
 * few words that turn a faithful paraphrase into a false statement: an absolute ("always",
 * "automatically", "under any circumstances", "in every state"), an obligation ("must",
 * "required"), a number, or a negation the passage's closest sentence does not share. A claim may
 * use such a word only when its passage has it (or a word of the same force).
 */
public final class Overstatement {
    /** One kind of strong word: how a claim says it, and what in a passage licenses it. */
    private record Cue(String name, Pattern inClaim, Pattern inPassage) {}

    private static final List<Cue> CUES = List.of(
            cue(
                    "always",
                    "\\balways\\b|\\bat all times\\b|\\binvariably\\b",
                    "\\balways\\b|\\bat all times\\b|\\binvariably\\b|\\bevery time\\b"),
            cue(
                    "never",
                    "\\bnever\\b",
                    "\\bnever\\b|\\bnot ever\\b|\\bno circumstances\\b|\\bcannot\\b|\\bcan't\\b|\\bmay not\\b|\\bmust not\\b|\\bprohibit\\w*|\\bforbid\\w*"),
            cue(
                    "every",
                    "\\bevery(?:one|body|thing)?\\b|\\ball (?:of (?:it|them|your|their)|\\d+|fifty|states|therapists|clinicians|providers|members|participants|records|information)\\b",
                    "\\bevery\\w*|\\ball\\b|\\beach\\b|\\bvirtually\\b|\\bany\\b"),
            cue(
                    "nothing",
                    "\\bnothing\\b|\\bno[ -]one\\b|\\bnobody\\b",
                    "\\bnothing\\b|\\bno[ -]one\\b|\\bnobody\\b|\\bnever\\b|\\bnot\\b|\\bcannot\\b|n't\\b|\\bwithout\\b"),
            cue(
                    "automatic",
                    "\\bautomatic(?:ally)?\\b|\\bby default\\b|\\binherently\\b|\\bby definition\\b",
                    "\\bautomatic\\w*|\\bby default\\b|\\binherent\\w*"),
            cue(
                    "total",
                    "\\b(?:completely|totally|absolutely|entirely|fully|wholly|perfectly|utterly)\\b|\\b100 ?(?:%|percent)",
                    "\\bcomplete\\w*|\\btotal\\w*|\\babsolute\\w*|\\bentire\\w*|\\bfull\\w*|\\bwhol\\w*"),
            cue(
                    "any circumstances",
                    "\\b(?:under|in) (?:any|no) circumstances?\\b|\\bno matter (?:what|the|how|who|which)\\b|\\bwhatsoever\\b|\\bfor any reason\\b",
                    "\\b(?:any|no|all) circumstances?\\b|\\bno matter\\b|\\bregardless\\b|\\bwhatsoever\\b|\\bany reason\\b"),
            cue(
                    "forever",
                    "\\bforever\\b|\\bpermanently\\b|\\bfor good\\b|\\bfor life\\b",
                    "\\bforever\\b|\\bpermanent\\w*|\\bindefinitely\\b"),
            cue(
                    "certainty",
                    "\\b(?:certainly|definitely|undoubtedly|guarantee[sd]?|guaranteed)\\b|\\bwithout (?:a )?doubt\\b",
                    "\\bcertain\\w*|\\bdefinite\\w*|\\bguarantee\\w*"),
            cue(
                    "nationwide",
                    "\\bnationwide\\b|\\bnationally\\b|\\b(?:in )?(?:every|each) state\\b|\\ball (?:50 |fifty )?(?:u\\.?s\\.? )?states\\b|\\beverywhere\\b|\\buniversal(?:ly)?\\b",
                    "\\bnationwide\\b|\\bnational\\w*|\\bevery state\\b|\\ball (?:50 |fifty )?(?:u\\.?s\\.? )?states\\b|\\beverywhere\\b|\\buniversal\\w*|\\bfederal\\b"),
            cue(
                    "obligation",
                    "\\bmust\\b|\\brequired\\b|\\bobligated\\b|\\bobliged\\b|\\bha(?:ve|s) to\\b|\\bmandatory\\b|\\bmandated\\b|\\blegally bound\\b|\\bforce[sd]?\\b|\\bcompel(?:s|led)?\\b",
                    "\\bmust\\b|\\brequire\\w*|\\bobligat\\w*|\\bobliged\\b|\\bha(?:ve|s) to\\b|\\bmandat\\w*|\\bduty\\b|\\bduties\\b|\\bbound\\b|\\bshall\\b|\\bcompel\\w*|\\bforce\\w*|\\bneeds? to\\b"));

    private static final Pattern NUMBER = Pattern.compile("(?<![\\[\\d])\\d+(?:\\.\\d+)?(?![\\]\\d])");
    private static final Pattern MARKER = Pattern.compile("\\[\\d{1,3}]");
    /** A negator up to three words before a cue: "not always", "does not guarantee", "isn't automatically". */
    private static final Pattern NEGATED =
            Pattern.compile("(?:\\bnot|n't|\\bnever|\\bno|\\bwithout|\\bnor)\\s+(?:\\S+\\s+){0,2}$");
    /** An open condition before a cue, in the same clause: "if …", "even when …", "whether …". */
    private static final Pattern CONDITION = Pattern.compile("\\b(?:if|whether|unless|even when|in case)\\b[^,;:.]*$");
    /** Cues that are negations themselves: a negator before them does not soften them. */
    private static final Set<String> NEGATING_CUES = Set.of("never", "nothing");

    private static Cue cue(String name, String inClaim, String inPassage) {
        return new Cue(name, Pattern.compile(inClaim), Pattern.compile(inPassage));
    }

    /**
     * What the claim says that its passage does not ("always", "the number 24"); empty when the
     * passage licenses every strong word of the claim.
     */
    public List<String> beyond(String claim, String passage) {
        String c = plain(claim);
        String p = plain(passage);
        List<String> beyond = new ArrayList<>();
        for (Cue cue : CUES) {
            if (assertedIn(cue, c) && !cue.inPassage().matcher(p).find()) {
                beyond.add("\"" + cue.name() + "\"");
            }
        }
        Matcher n = NUMBER.matcher(c);
        while (n.find()) {
            if (!Pattern.compile("(?<!\\d)" + Pattern.quote(n.group()) + "(?!\\d)")
                    .matcher(p)
                    .find()) {
                beyond.add("the number " + n.group());
            }
        }
        return beyond;
    }

    /**
     * The cue is asserted somewhere in the claim: not weakened by a negator just before it ("does
     * not guarantee", "not every state"), and not inside a condition ("even if the limits were
     * never explained"), where it states no fact.
     */
    private static boolean assertedIn(Cue cue, String claim) {
        Matcher m = cue.inClaim().matcher(claim);
        while (m.find()) {
            String before = claim.substring(0, m.start());
            boolean negated = !NEGATING_CUES.contains(cue.name())
                    && NEGATED.matcher(before).find();
            if (!negated && !CONDITION.matcher(before).find()) {
                return true;
            }
        }
        return false;
    }

    private static String plain(String text) {
        return MARKER.matcher(text).replaceAll(" ").replace('’', '\'').toLowerCase(Locale.ROOT);
    }
}
