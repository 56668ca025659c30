package com.askkira.safety;

import com.askkira.patterns.RequiredLiterals;
import com.askkira.retrieval.Turn;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, offline and deterministically, whether a conversation signals risk of harm now: to the
 * asker (suicide, self-harm), to someone they mean to hurt, to a child at home, or to someone being
 * hurt. Each of the user's turns is normalised, cut into clauses and matched against weighted risk
 * signals; each match is then read in its framing, so "if I tell my therapist I've had suicidal
 * thoughts" stays a question about confidentiality while "I have the pills saved up, is this
 * confidential?" is a crisis. Assistant turns are ignored: they are not the user's words.
 *
 * <p>The decision ({@link RiskTally}): one signal weighing {@value Signal#ENOUGH} or more, not
 * explained away by its framing, is a crisis. Weaker cues add up across the conversation ("I've
 * made up my mind" then "will it hurt?"), plus one for a time close at hand, minus one when the
 * message asks about the rules, plus one once suicide, self-harm or violence has come up in the
 * conversation at all, even as a hypothetical or about someone else: people test the water before
 * they say more ("do people who kill themselves go to heaven?" then "asking for me"), and a later
 * "because I have a plan for Friday" should then be heard.
 */
public final class CrisisDetector {
    /** Clause boundaries: framing ("if I tell them...") rarely reaches past these. */
    private static final Pattern CLAUSE = Pattern.compile("[.!?;,:\\n]+|\\b(?:but|though|although|except)\\b");
    /** Within a clause, a time adverbial ("last year") belongs to its own coordinated part. */
    private static final Pattern PART = Pattern.compile("\\b(?:and|so|then|now)\\b");

    private static final int NEGATION_WINDOW = 4;
    /** "jk … no but fr": a joke taken back, so what follows is meant. */
    private static final Pattern IN_EARNEST = Pattern.compile(
            "\\b(?:fr|for real|no but|but seriously|seriously though|not joking|not kidding|i mean it|i am serious)\\b");
    /** "i am not suicidal", "i would never hurt him", "not in danger": the writer rules the risk out. */
    private static final Pattern DENIAL = Pattern.compile(
            "\\bi (?:am|was|have) not (?:\\w+ )?(?:suicidal|going to|in danger|at risk|unsafe|planning)|\\bi would never\\b|\\bnot (?:in danger|at risk|unsafe)\\b");

    private final TextNormaliser normaliser;
    private final List<Gated> signals;
    private final FramingCues framing;

    public CrisisDetector(CrisisPatterns patterns) {
        Objects.requireNonNull(patterns, "patterns");
        this.normaliser = patterns.normaliser();
        this.signals = patterns.signals().stream()
                .map(s -> new Gated(s, RequiredLiterals.of(s.pattern())))
                .toList();
        this.framing = patterns.framing();
    }

    public CrisisAssessment assess(String message, List<Turn> history) {
        return read(message, history).assessment();
    }

    /** The patterns' assessment, and whether the message asks about the rules ("does my therapist have to tell"). */
    record Reading(CrisisAssessment assessment, boolean ruleQuestion) {}

    Reading read(String message, List<Turn> history) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(history, "history");
        RiskTally tally = new RiskTally();
        for (Turn turn : history) {
            if (turn.role() == Turn.Role.USER) {
                read(normaliser.normalise(turn.content()), tally);
            }
        }
        String current = normaliser.normalise(message);
        read(current, tally);
        boolean ruleQuestion = framing.in(Framing.RULE_QUESTION, current);
        return new Reading(tally.decide(ruleQuestion), ruleQuestion);
    }

    /**
     * Whether a sentence reads as a joke, a figure of speech, a denial or the distant past ("lol",
     * "this exam is killing me", "I'm not suicidal", "years ago"), so that the semantic screen's
     * hearing it on its own is not enough. Pattern signals have their own framing rules.
     */
    public boolean discounts(String sentence) {
        String s = normaliser.normalise(sentence);
        boolean past = framing.in(Framing.DISTANT_PAST, s) && !framing.in(Framing.RECENT, s);
        // Laughing emoji do not survive normalising, so jokes are looked for in the sentence as written too.
        boolean joke = (framing.in(Framing.JOKE, s) || framing.in(Framing.JOKE, sentence))
                && !IN_EARNEST.matcher(s).find();
        return past
                || joke
                || framing.in(Framing.HYPERBOLE, s)
                || DENIAL.matcher(s).find();
    }

    private void read(String turn, RiskTally tally) {
        if (framing.in(Framing.IMMEDIACY, turn)) {
            tally.immediate();
        }
        if (framing.in(Framing.TOPIC, turn)) {
            tally.topicRaised();
        }
        for (String clause : CLAUSE.split(turn)) {
            String c = clause.strip();
            if (!c.isEmpty()) {
                readClause(c, tally);
            }
        }
    }

    /**
     * A signal with the literals every match of its pattern contains: a clause without any of them
     * cannot match, so its pattern is not run there (most clauses hold none of most signals' words).
     */
    private record Gated(Signal signal, RequiredLiterals literals) {}

    private void readClause(String clause, RiskTally tally) {
        for (Gated gated : signals) {
            Signal signal = gated.signal();
            if (tally.has(signal) || !gated.literals().mayMatch(clause)) {
                continue;
            }
            Matcher m = signal.pattern().matcher(clause);
            while (m.find()) {
                Set<Framing> around = around(clause, m.start(), m.end());
                if (!signal.signalClass().explainedAwayBy(around)) {
                    tally.add(signal);
                    break;
                }
                tally.explainedAway(around);
            }
        }
    }

    /** The framings that bear on the match at {@code [start, end)} of {@code clause}. */
    private Set<Framing> around(String clause, int start, int end) {
        Set<Framing> around = EnumSet.noneOf(Framing.class);
        String before = clause.substring(0, start);
        // A signal that starts at its subject ("i am going to...") spells out its own negation.
        if (!clause.startsWith("i ", start) && framing.in(Framing.NEGATION, lastWords(before))) {
            around.add(Framing.NEGATION);
        }
        for (Framing f : List.of(Framing.CONDITIONAL, Framing.DISCLOSURE, Framing.GENERAL_PERSON)) {
            if (framing.in(f, before)) {
                around.add(f);
            }
        }
        String part = part(clause, start, end);
        if (framing.in(Framing.DISTANT_PAST, part) && !framing.in(Framing.RECENT, part)) {
            around.add(Framing.DISTANT_PAST);
        }
        if (framing.in(Framing.IMMEDIACY, part)) {
            around.add(Framing.IMMEDIACY);
        }
        for (Framing f : List.of(Framing.ONGOING, Framing.HYPERBOLE)) {
            if (framing.in(f, clause)) {
                around.add(f);
            }
        }
        return around;
    }

    private static String lastWords(String before) {
        String[] words = before.strip().split(" ");
        int from = Math.max(0, words.length - NEGATION_WINDOW);
        return String.join(" ", List.of(words).subList(from, words.length));
    }

    private static String part(String clause, int start, int end) {
        int from = 0;
        Matcher m = PART.matcher(clause);
        while (m.find() && m.end() <= start) {
            from = m.end();
        }
        int to = clause.length();
        if (m.find(end)) {
            to = m.start();
        }
        return clause.substring(from, to);
    }
}
