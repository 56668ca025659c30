package com.askkira.guard;

import com.askkira.cache.RecentResults;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.language.EnglishReading;
import com.askkira.patterns.RequiredLiterals;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an answer, whoever wrote it, for claims that misstate the limits of confidentiality
 * ({@link LimitsRule}): one finding per rule per offending sentence. Deterministic and offline:
 * a table of patterns ({@code /guard/limits-patterns.txt}) with negation handling, so "therapy
 * is not completely confidential" passes where "therapy is completely confidential" does not.
 */
public final class ConfidentialityLimitsCheck {
    static final String DEFAULT_PATTERNS = "/guard/limits-patterns.txt";

    private static final Pattern MARKER = Pattern.compile("\\s*\\[\\d{1,3}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CONTRACTION = Pattern.compile("\\b(you|we|they|i|he|she|it)'(re|ve|ll|m|d)\\b");
    /**
     * A claim in quotation marks is mentioned, not made: "'nothing ever leaves the room' is more
     * slogan than law". Only quotes of three words or more, so scare quotes around one word still count.
     */
    private static final Pattern QUOTED =
            Pattern.compile("\"[^\"]*?\\s\\S+\\s[^\"]*?\"|(?<![\\w])'[^']*?\\s\\S+\\s[^']*?'(?![\\w])");
    /** "she's required", "it's automatic": "'s" after a pronoun is "is" here (a "has" reads as well either way). */
    private static final Pattern IS_CONTRACTION = Pattern.compile("\\b(he|she|it|that|there|what|this)'s\\b");

    private static final int MAX_QUOTED = 80;
    private static final int RECENT = 8_192;
    private static final int RECENT_ANSWERS = 1_024;
    private static final Set<LimitsRule> NARROWER_THAN_ABSOLUTE = EnumSet.of(
            LimitsRule.PARENTS_ALWAYS_OR_NEVER, LimitsRule.GROUP_MEMBERS_BOUND, LimitsRule.TELEHEALTH_AUTO_COMPLIANT);
    private static final Set<LimitsRule> NARROWER_THAN_LIMITS_NOT_NAMED = EnumSet.of(
            LimitsRule.ABSOLUTE_CONFIDENTIALITY,
            LimitsRule.SUBPOENA_FORCES_DISCLOSURE,
            LimitsRule.TARASOFF_UNIVERSAL,
            LimitsRule.PARENTS_ALWAYS_OR_NEVER,
            LimitsRule.GROUP_MEMBERS_BOUND,
            LimitsRule.TELEHEALTH_AUTO_COMPLIANT);

    private final EnglishReading english;
    private final List<LimitsPatterns.Entry> entries;
    private final Pattern negationBefore;
    private final Pattern contextNegation;
    private final Pattern denialFrame;
    private final Pattern clauseBreak;
    private final Pattern innerNegation;
    private final Pattern limitNamed;
    private final Pattern limitStated;
    private final Pattern variation;
    private final Pattern generalQuestion;
    private final Pattern bareYes;
    private final Pattern confidentialityAffirmed;
    private final SentenceSplitter splitter = new SentenceSplitter();
    /**
     * The literal words each rule and cue pattern needs in a text before it can match there: most
     * patterns cannot match most sentences, and a substring search says so far sooner than the
     * pattern does ({@link RequiredLiterals}: a skipped pattern is one that would have found nothing).
     */
    private final Map<Pattern, RequiredLiterals> literals = new IdentityHashMap<>();
    /**
     * What each pattern found in each text, for the last few thousand asked: each sentence of an
     * answer is judged alone and then again within the whole answer, and the question (the topic of
     * its first sentence) is the same for every sentence, so the same pattern meets the same text
     * several times an answer. Under load these patterns were a third of the server's Java CPU.
     */
    private final RecentResults<ContextAsked, Boolean> contexts = new RecentResults<>(RECENT);

    private final RecentResults<ClaimAsked, Optional<String>> claims = new RecentResults<>(RECENT);
    /**
     * The findings of the last answers judged: a streamed answer's sentences are each judged within
     * the same whole answer, which is then completed and checked whole, so the same answer is read
     * several times over.
     */
    private final RecentResults<AnswerAsked, List<LimitsFinding>> answers = new RecentResults<>(RECENT_ANSWERS);
    /** The rules each sentence breaks under its topic, never changed once here: see {@link #recentBrokenRules}. */
    private final RecentResults<SentenceAsked, Map<LimitsRule, String>> sentences = new RecentResults<>(RECENT);
    /**
     * Whether each question, normalised, is a general one: a streamed answer is judged whole once
     * for each sentence it has grown by, each time under the same question.
     */
    private final RecentResults<String, Boolean> generalQuestions = new RecentResults<>(RECENT_ANSWERS);
    /** Each sentence's first claim of every entry: see {@link #firstClaims}. */
    private final RecentResults<String, List<Optional<String>>> claimsIn = new RecentResults<>(RECENT);
    /** Each text as {@link #normalise} leaves it: the same sentences and question come back within an answer and across answers. */
    private final RecentResults<String, String> normalForms = new RecentResults<>(RECENT);

    public ConfidentialityLimitsCheck() {
        this(EnglishReading.fromResources());
    }

    public ConfidentialityLimitsCheck(EnglishReading english) {
        this(LimitsPatterns.fromResource(DEFAULT_PATTERNS), english);
    }

    ConfidentialityLimitsCheck(LimitsPatterns patterns, EnglishReading english) {
        this.english = Objects.requireNonNull(english, "english");
        this.entries = patterns.entries();
        this.negationBefore = patterns.named("NEGATION_BEFORE");
        this.contextNegation = patterns.named("CONTEXT_NEGATION");
        this.denialFrame = patterns.named("DENIAL_FRAME");
        this.clauseBreak = patterns.named("CLAUSE_BREAK");
        this.innerNegation = patterns.named("INNER_NEGATION");
        this.limitNamed = patterns.named("LIMIT_NAMED");
        this.limitStated = patterns.named("LIMIT_STATED");
        this.variation = patterns.named("VARIATION");
        this.generalQuestion = patterns.named("GENERAL_QUESTION");
        this.bareYes = patterns.named("BARE_YES");
        this.confidentialityAffirmed = patterns.named("CONFIDENTIALITY_AFFIRMED");
        for (LimitsPatterns.Entry entry : entries) {
            for (List<Pattern> list : List.of(entry.context(), entry.claims(), entry.exempt())) {
                list.forEach(p -> literals.put(p, RequiredLiterals.of(p)));
            }
        }
        for (Pattern p :
                List.of(limitNamed, limitStated, variation, generalQuestion, bareYes, confidentialityAffirmed)) {
            literals.put(p, RequiredLiterals.of(p));
        }
    }

    /** False only when {@code pattern} cannot match anywhere in {@code text}: see {@link #literals}. */
    private boolean mayMatch(Pattern pattern, String text) {
        return literals.get(pattern).mayMatch(text);
    }

    /** Whether {@code pattern} matches somewhere in {@code text}, skipped where it cannot. */
    private boolean found(Pattern pattern, String text) {
        return mayMatch(pattern, text) && pattern.matcher(text).find();
    }

    /** Every rule the answer breaks, sentence by sentence, in the answer's order. */
    public List<LimitsFinding> findings(String question, String answer) {
        if (answer == null || answer.isBlank()) {
            return List.of();
        }
        return answers.get(new AnswerAsked(question, answer), asked -> findingsAfresh(question, answer));
    }

    /** A question and an answer to it, as {@link #findings} is asked about them. */
    private record AnswerAsked(String question, String answer) {}

    private List<LimitsFinding> findingsAfresh(String question, String answer) {
        List<Sentence> sentences = splitter.split(answer);
        // The rules are English: a Spanish answer, or question, is read as its gloss (an English one as written).
        List<String> written = sentences.stream().map(Sentence::text).toList();
        List<String> read = written.stream().map(english::of).toList();
        String whole = normalised(read.equals(written) ? answer : String.join(" ", read));
        String asked = question == null ? "" : normalised(english.of(question));
        // The answer-level cues are costlier than most rules, so each is computed once, when needed.
        Lazy limitNamedInAnswer = new Lazy(() -> found(limitNamed, whole));
        Lazy variationNamedInAnswer = new Lazy(() -> found(variation, whole));
        Lazy generalQuestionAsked =
                new Lazy(() -> question != null && generalQuestions.get(asked, topic -> found(generalQuestion, topic)));
        // Both answer-level rules are reported once, on the first sentence that breaks them.
        boolean stateRuleReported = false;
        boolean generalAffirmationReported = false;
        String previous = "";

        List<LimitsFinding> findings = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            String text = normalised(read.get(i));
            // A sentence's topic may be set by the question or the sentence before it: "Are group
            // members bound?" then "Yes, participants are legally responsible."
            Map<LimitsRule, String> broken = recentBrokenRules(text, asked + " \n " + previous);
            previous = text;
            // The narrower rule says it better: "a teen's therapy is completely private from their
            // parents" is about parents, and a sentence that misstates a specific limit, or claims
            // there are none, need not also be told it names none.
            if (NARROWER_THAN_ABSOLUTE.stream().anyMatch(broken::containsKey)) {
                broken.remove(LimitsRule.ABSOLUTE_CONFIDENTIALITY);
            }
            if (!generalAffirmationReported && generalQuestionAsked.get() && !limitNamedInAnswer.get()) {
                affirmation(text)
                        .ifPresent(said -> broken.putIfAbsent(
                                LimitsRule.LIMITS_NOT_NAMED,
                                "general-answer: \"" + quoted(said) + "\" to a general question, no limit named"));
            }
            if (broken.containsKey(LimitsRule.LIMITS_NOT_NAMED)
                    && (NARROWER_THAN_LIMITS_NOT_NAMED.stream().anyMatch(broken::containsKey)
                            || limitNamedInAnswer.get())) {
                broken.remove(LimitsRule.LIMITS_NOT_NAMED);
            }
            if (broken.containsKey(LimitsRule.STATE_VARIATION_OMITTED)
                    && (stateRuleReported || variationNamedInAnswer.get())) {
                broken.remove(LimitsRule.STATE_VARIATION_OMITTED);
            }
            stateRuleReported |= broken.containsKey(LimitsRule.STATE_VARIATION_OMITTED);
            generalAffirmationReported |= broken.containsKey(LimitsRule.LIMITS_NOT_NAMED);
            broken.forEach((rule, detail) -> findings.add(new LimitsFinding(rule, sentence.text(), detail)));
        }
        // An answer that misstates a specific limit, or claims there are none, is told that; not also that it names
        // none.
        if (findings.stream().anyMatch(f -> NARROWER_THAN_LIMITS_NOT_NAMED.contains(f.rule()))) {
            findings.removeIf(f -> f.rule() == LimitsRule.LIMITS_NOT_NAMED);
        }
        return List.copyOf(findings);
    }

    /**
     * How many real limits of confidentiality the sentence states, plus one if it says a rule
     * varies by state: 0 when it supplies nothing an answer may leave out.
     */
    long suppliesWhatAnswersLeaveOut(String sentence) {
        String text = normalised(sentence);
        return (mayMatch(limitStated, text)
                        ? limitStated.matcher(text).results().count()
                        : 0)
                + (found(variation, text) ? 1 : 0);
    }

    /** "Yes." or a sentence that says confidentiality holds ("…are kept private"), not negated. */
    private Optional<String> affirmation(String text) {
        if (mayMatch(bareYes, text) && bareYes.matcher(text).matches()) {
            return Optional.of(text);
        }
        return mayMatch(confidentialityAffirmed, text)
                ? firstAffirmed(confidentialityAffirmed, text, false, List.of())
                : Optional.empty();
    }

    /**
     * {@link #brokenRules}, remembered (as a copy the caller may change): a streamed answer's
     * sentences are judged within a whole that grows sentence by sentence, so the same sentence after
     * the same sentence, under the same question, comes back once for each sentence after it.
     */
    private Map<LimitsRule, String> recentBrokenRules(String text, String topic) {
        return new EnumMap<>(sentences.get(new SentenceAsked(text, topic), asked -> brokenRules(text, topic)));
    }

    /** A sentence, normalised, and its topic (the question and the sentence before it). */
    private record SentenceAsked(String text, String topic) {}

    private Map<LimitsRule, String> brokenRules(String text, String topic) {
        Map<LimitsRule, String> broken = new EnumMap<>(LimitsRule.class);
        List<Optional<String>> claimed = claimsIn.get(text, this::firstClaims);
        for (int i = 0; i < entries.size(); i++) {
            LimitsPatterns.Entry entry = entries.get(i);
            if (!broken.containsKey(entry.rule())) {
                match(entry, claimed.get(i), text, topic).ifPresent(detail -> broken.put(entry.rule(), detail));
            }
        }
        return broken;
    }

    /**
     * Each entry's first claim found in the sentence, in {@link #entries}' order. Claims read the
     * sentence alone, so this is the same under every topic: a library sentence met under a new
     * question (a new topic) is no longer searched for every entry's claims again, only looked up.
     */
    private List<Optional<String>> firstClaims(String text) {
        List<Optional<String>> claimed = new ArrayList<>(entries.size());
        for (LimitsPatterns.Entry entry : entries) {
            Optional<String> first = Optional.empty();
            for (Pattern claim : entry.claims()) {
                first = recentClaim(claim, text, entry.claimMayNegate(), entry.notAfter());
                if (first.isPresent()) {
                    break;
                }
            }
            claimed.add(first);
        }
        return List.copyOf(claimed);
    }

    /** The rule's finding, given its first claim found in the sentence (see {@link #firstClaims}). */
    private Optional<String> match(LimitsPatterns.Entry entry, Optional<String> found, String text, String topic) {
        // Claims are rare and read the sentence alone (remembered across questions), while the topic
        // holds the question and is new with each one: so the first claim is looked for before the
        // contexts. A rule is broken when every context holds and a claim is found, in either order.
        if (found.isEmpty()) {
            return Optional.empty();
        }
        for (Pattern context : entry.context()) {
            if (!recentContext(context, text) && !recentContext(context, topic)) {
                return Optional.empty();
            }
        }
        // Only now the (larger) exemption patterns.
        boolean exempt = entry.exempt().stream().anyMatch(p -> found(p, text));
        return exempt ? Optional.empty() : Optional.of(entry.label() + ": \"" + quoted(found.get()) + "\"");
    }

    /** {@link #contextAffirmed}, remembered: see {@link #contexts}. */
    private boolean recentContext(Pattern context, String text) {
        return mayMatch(context, text)
                && contexts.get(new ContextAsked(context, text), asked -> contextAffirmed(context, text));
    }

    /** {@link #firstAffirmed}, remembered: see {@link #contexts}. */
    private Optional<String> recentClaim(Pattern claim, String text, boolean mayCarryNegation, List<Pattern> notAfter) {
        if (!mayMatch(claim, text)) {
            return Optional.empty();
        }
        return claims.get(
                new ClaimAsked(claim, text, mayCarryNegation, notAfter),
                asked -> firstAffirmed(claim, text, mayCarryNegation, notAfter));
    }

    /** A context pattern's question about one text (patterns are equal only to themselves). */
    private record ContextAsked(Pattern pattern, String text) {}

    /** A claim pattern's question about one text, with the rule's ways of cancelling it. */
    private record ClaimAsked(Pattern pattern, String text, boolean mayCarryNegation, List<Pattern> notAfter) {}

    /** The first match that is neither negated nor denied; overlapping matches are tried too. */
    private Optional<String> firstAffirmed(
            Pattern pattern, String text, boolean mayCarryNegation, List<Pattern> notAfter) {
        Matcher m = pattern.matcher(text);
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            String match = m.group();
            boolean negatedInside =
                    !mayCarryNegation && innerNegation.matcher(match).find();
            if (!negatedInside && !cancelledBefore(text, m.start(), notAfter)) {
                return Optional.of(match);
            }
            from = m.start() + 1;
        }
        return Optional.empty();
    }

    /** Some match of the context pattern is not directly negated ("not a subpoena"). */
    private boolean contextAffirmed(Pattern context, String text) {
        Matcher m = context.matcher(text);
        while (m.find()) {
            if (!contextNegation.matcher(text.substring(0, m.start())).find()) {
                return true;
            }
        }
        return false;
    }

    /** Denied anywhere before ("it is a myth that…"), or negated or cancelled earlier in its clause. */
    private boolean cancelledBefore(String text, int start, List<Pattern> notAfter) {
        String before = text.substring(0, start);
        if (denialFrame.matcher(before).find()) {
            return true;
        }
        Matcher breaks = clauseBreak.matcher(before);
        int clauseStart = 0;
        while (breaks.find()) {
            clauseStart = breaks.end();
        }
        String clause = before.substring(clauseStart);
        return negationBefore.matcher(clause).find()
                || notAfter.stream().anyMatch(p -> p.matcher(clause).find());
    }

    /** A yes/no fact about the whole answer, worked out the first time it is asked for. */
    private static final class Lazy {
        private final BooleanSupplier supplier;
        private Boolean value;

        Lazy(BooleanSupplier supplier) {
            this.supplier = supplier;
        }

        boolean get() {
            if (value == null) {
                value = supplier.getAsBoolean();
            }
            return value;
        }
    }

    /** {@link #normalise}, remembered: see {@link #normalForms}. */
    private String normalised(String text) {
        return normalForms.get(text, ConfidentialityLimitsCheck::normalise);
    }

    /**
     * Lower case, straight quotes, no citation markers, single spaces, and the pronoun contractions
     * spelled out ("you're" becomes "you are", "i'd" becomes "i would"), so patterns need one form.
     * Each substitution is skipped when the text lacks a character every match of it needs (a
     * marker needs '[', a contraction an apostrophe, a quotation a quote mark, a run to squeeze a
     * whitespace other than one plain space): skipping it then leaves the text as running it would.
     */
    static String normalise(String text) {
        String plain = text.indexOf('[') < 0 ? text : MARKER.matcher(text).replaceAll("");
        plain = plain.replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u02BC', '\'')
                .replace('\u201C', '"')
                .replace('\u201D', '"')
                .toLowerCase(Locale.ROOT);
        boolean apostrophe = plain.indexOf('\'') >= 0;
        if (apostrophe) {
            plain = CONTRACTION
                    .matcher(plain)
                    .replaceAll(m -> m.group(1)
                            + switch (m.group(2)) {
                                case "re" -> " are";
                                case "ve" -> " have";
                                case "ll" -> " will";
                                case "m" -> " am";
                                default -> " would";
                            });
            plain = IS_CONTRACTION.matcher(plain).replaceAll("$1 is");
        }
        if (apostrophe || plain.indexOf('"') >= 0) {
            plain = QUOTED.matcher(plain).replaceAll(" that saying ");
        }
        return (SingleSpaced.already(plain) ? plain : SPACES.matcher(plain).replaceAll(" ")).strip();
    }

    /** Whether {@code \s+} (space, tab, line breaks, form feed) has nothing to squeeze: no such character but single spaces. */
    private static final class SingleSpaced {
        private SingleSpaced() {}

        static boolean already(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' ? i + 1 < text.length() && text.charAt(i + 1) == ' ' : c <= '\r' && c >= '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    private static String quoted(String match) {
        String s = match.strip();
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED - 1) + "…";
    }
}
