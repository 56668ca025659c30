package com.askkira.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names, found two ways. A cue introduces one ("my name is", "I'm", "my husband", "Dr.",
 * "Sincerely,"), and the words after it are read as a name; the weaker the cue, the more the first
 * word must look like a name. A first name takes the surname after it, in lower case too when that
 * word reads as a surname and not as the sentence going on ("i'm sarah johnson", not "i'm sarah and
 * i..."); a title takes a lower-case surname the same way ("dr. nguyen", not "Dr. visits"). Without
 * a cue, only a capitalised first name from the list followed by a capitalised surname counts
 * ("Jessica Martinez"), or the same written surname first ("Kowalski, Anna"). Titles and cues stay
 * in the text ("Dr. [name]", "my husband [name]"), so the question keeps its meaning and its grammar.
 *
 * <p>Left alone: words on the never-a-name list (HIPAA, Kira, God, weekdays, months, states, the
 * law's vocabulary), either side of a case name ("Jaffee v. Redmond"), and the people the library
 * discusses (Mary Lu Redmond, Carrie Jaffee, Tatiana Tarasoff) unless a reader gives one as their own
 * name. A celebrity is a name like any other: the detector cannot know who is famous.
 */
final class NameDetector implements PiiDetector {
    /** A capitalised word as names spell them: Sarah, McDonald, VandeCreek, O'Brien, Whitfield-Ortiz. */
    private static final String UPPER_WORD =
            "\\p{Lu}(?:\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)*|['’]\\p{Lu}\\p{Ll}+)(?:-\\p{Lu}\\p{Ll}+)?";

    private static final Pattern NAME_WORD = Pattern.compile(UPPER_WORD + "(?![\\p{L}\\d])");
    private static final Pattern LOWER_WORD = Pattern.compile("\\p{Ll}+(?![\\p{L}\\d'’])");
    /** A surname as readers type it in lower case: johnson, o'brien, garcia-lopez (not "don't"). */
    private static final Pattern LOWER_SURNAME =
            Pattern.compile("(?:\\p{Ll}['’])?\\p{Ll}+(?:-\\p{Ll}+)*(?![\\p{L}\\d'’-])");
    /** "Kowalski, Anna": a surname written first, as forms and lists write it. */
    private static final Pattern SURNAME_FIRST =
            Pattern.compile("(?<![\\p{L}'’-])(" + UPPER_WORD + "),[ \\t]+(" + UPPER_WORD + ")(?![\\p{L}\\d])");

    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.[ \\t]+(?=" + UPPER_WORD + ")");
    private static final Pattern GAP = Pattern.compile("[ \\t]+");
    /**
     * Titles that stand before a name and stay in the text: "Dr. [name]", "Pastor [name]". Not Justice or Judge.
     * The common abbreviations are taken in lower case too ("dr. smith"), and with no space after the full stop
     * ("Dr.Smith"), but not in capitals: "MS Word" and "DR Congo" are no one's title.
     */
    private static final String TITLES = "(?:(?:[Dd]r|[Mm]rs?|[Mm][sx]|[Pp]rof)(?:\\.[ \\t]*|[ \\t]+)"
            + "|(?:(?:Rev|Sgt|Det)\\.?|Miss|Officer|Detective|Father|Pastor|Reverend|Rabbi|Coach)[ \\t]+)";

    private static final Pattern TITLE = Pattern.compile(TITLES);
    private static final Pattern CASE_NAME_AFTER = Pattern.compile("^\\s+v(?:s)?\\.?\\s");
    private static final Pattern CASE_NAME_BEFORE = Pattern.compile("\\sv(?:s)?\\.?\\s+$");
    private static final Pattern AND_NAME = Pattern.compile("[ \\t]+(?:and|&)[ \\t]+");
    /** "Sarah Lawrence College", "Henry Ford Health": a name that names a place or an institution. */
    private static final Pattern INSTITUTION_AFTER = Pattern.compile(
            "^[ \\t]+(?:College|University|Hospital|Health|Clinic|Medical|School|Schools|Center|Centre|Institute"
                    + "|Foundation|Academy|Church|Memorial|County|Park|Street|Avenue|Road|Law|Act|Rule|Award)\\b");

    private static final Pattern SIGN_OFF_END = Pattern.compile("[ \\t.!]*(?:\\R|$)");

    private static final String RELATIONS = "therapist|counsell?or|psychiatrist|psychologist|doctor|social\\s+worker"
            + "|clinician|nurse|husband|wife|spouse|partner|boyfriend|girlfriend|bf|gf|fianc[eé]e?|ex|son|daughter"
            + "|child|kid|mom|mother|mum|mommy|dad|father|daddy|stepmom|stepdad|stepmother|stepfather|stepson"
            + "|stepdaughter|brother|sister|sibling|friend|boss|manager|supervisor|co-?worker|colleague|teacher"
            + "|roommate|cousin|aunt|uncle|grandma|grandmother|grandpa|grandfather|neighbou?r|lawyer|attorney"
            + "|pastor|priest|rabbi|imam|coach|landlord|case\\s?worker|niece|nephew|baby|guardian|caregiver"
            + "|parents|kids|children|sons|daughters|brothers|sisters|friends|grandparents|roommates|twins";
    private static final String RELATION_PREFIX = "(?:(?:ex|late|new|old|former|current|step|little|big|older|younger"
            + "|best|bio|biological|adoptive|foster|twin|school|family|previous|real)[\\s-]+){0,2}";

    /** How much a cue vouches for the words after it. */
    private enum Cue {
        /** The reader's own name, said as such: taken even if it is a public figure's. */
        OWN_NAME(true, true, true, false),
        /** "named", "my husband", "Sincerely,": any capitalised word, or a listed first name in lower case. */
        STRONG(true, true, false, false),
        /** "Dr.", "Mrs": any capitalised word, or a lower-case one that reads as a surname ("dr. nguyen"). */
        TITLE(true, false, false, true),
        /** "Dear": any capitalised word. */
        GREETING(true, false, false, false),
        /** "I'm", "I am": only a listed first name that is not also a word ("I'm Christian" stays). */
        WEAK(false, true, false, false),
        /** "this is": as WEAK, and capitalised only. */
        WEAK_UPPER(false, false, false, false);

        final boolean anyCapitalised;
        final boolean lowerCaseListed;
        final boolean overridesPublic;
        final boolean lowerCaseSurname;

        Cue(boolean anyCapitalised, boolean lowerCaseListed, boolean overridesPublic, boolean lowerCaseSurname) {
            this.anyCapitalised = anyCapitalised;
            this.lowerCaseListed = lowerCaseListed;
            this.overridesPublic = overridesPublic;
            this.lowerCaseSurname = lowerCaseSurname;
        }
    }

    /** A cue, and whether the name must close its line, as a signature does. */
    private record CuePattern(Pattern pattern, Cue cue, boolean signature) {
        CuePattern(String regex, Cue cue) {
            this(Pattern.compile(regex), cue, false);
        }
    }

    private static final List<CuePattern> CUES = List.of(
            new CuePattern(
                    "(?i)\\b(?:my\\s+name(?:'s|’s|\\s+is)|name\\s*:|call\\s+me|i\\s+go\\s+by)[ \\t]+", Cue.OWN_NAME),
            new CuePattern("(?i)\\b(?:named|called|goes\\s+by|name(?:'s|’s|\\s+is|\\s+was))[ \\t]+", Cue.STRONG),
            new CuePattern(
                    "(?i)\\b(?:my|our|his|her|their|your)\\s+(?:[\\p{L}-]+['’]s\\s+)?" + RELATION_PREFIX + "(?:"
                            + RELATIONS + ")\\b" + "(?:[ \\t]*,)?(?:[ \\t]+(?:is[ \\t]+)?(?:named|called))?[ \\t]+",
                    Cue.STRONG),
            new CuePattern(
                    Pattern.compile("(?i)\\b(?:sincerely|regards|best\\s+regards|kind\\s+regards|warm\\s+regards"
                            + "|best\\s+wishes|best|thanks|thank\\s+you|many\\s+thanks|cheers|love|warmly|respectfully"
                            + "|yours\\s+truly|yours|signed|xoxo)[ \\t]*(?:,[ \\t]*\\R?|\\R)[ \\t]*"),
                    Cue.STRONG,
                    true),
            new CuePattern("\\bDear[ \\t]+", Cue.GREETING),
            new CuePattern("\\b" + TITLES, Cue.TITLE),
            new CuePattern("(?i)\\b(?:i['’]m|im|i\\s+am)[ \\t]+", Cue.WEAK),
            new CuePattern("(?i)\\bthis\\s+is[ \\t]+", Cue.WEAK_UPPER));

    private final NameLexicon lexicon;

    NameDetector(NameLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    @Override
    public List<Finding> detect(String text) {
        List<Finding> found = new ArrayList<>();
        for (CuePattern cue : CUES) {
            Matcher m = cue.pattern().matcher(text);
            while (m.find()) {
                Candidate name = afterCue(text, m.end(), cue.cue());
                if (name == null || (cue.signature() && !closesItsLine(text, name.end()))) {
                    continue;
                }
                if (keep(text, name, cue.cue().overridesPublic)) {
                    found.add(name.finding());
                    Candidate second = cue.cue() == Cue.STRONG ? andName(text, name.end()) : null;
                    if (second != null && keep(text, second, false)) {
                        found.add(second.finding());
                    }
                }
            }
        }
        found.addAll(uncuedPairs(text));
        found.addAll(surnameFirst(text));
        return found;
    }

    /** The name right after a cue (skipping a title, which stays), or null when the cue leads nowhere. */
    private Candidate afterCue(String text, int at, Cue cue) {
        int start = at;
        boolean anyCapitalised = cue.anyCapitalised;
        boolean lowerCaseListed = cue.lowerCaseListed;
        boolean lowerCaseSurname = cue.lowerCaseSurname;
        Matcher title = TITLE.matcher(text).region(start, text.length());
        if (title.lookingAt()) {
            // "my therapist Dr. Lee": the title vouches for the surname; it stays in the text.
            start = title.end();
            anyCapitalised = true;
            lowerCaseListed = false;
            lowerCaseSurname = true;
        }
        Matcher upper = NAME_WORD.matcher(text).region(start, text.length());
        if (upper.lookingAt()) {
            String word = upper.group();
            boolean listed = lexicon.isFirstName(word) && !lexicon.isWordLike(word);
            if (lexicon.isNeverName(word)) {
                return null;
            }
            if (!(anyCapitalised || listed)) {
                // "I'm Dana Whitfield": a first name not on the list still reads as one when a capitalised
                // surname follows it and it is not an ordinary word ("I'm Very Worried" stays).
                boolean weak = cue == Cue.WEAK || cue == Cue.WEAK_UPPER;
                Candidate pair = weak && !lexicon.isWordLike(word) ? extend(text, start, upper.end(), word) : null;
                return pair != null && pair.words().size() >= 2 ? pair : null;
            }
            Candidate name = extend(text, start, upper.end(), word);
            // After a title the word is already the surname ("Pastor Dan said").
            return lowerCaseSurname ? name : withLowerCaseSurname(text, name);
        }
        Matcher lower = LOWER_WORD.matcher(text).region(start, text.length());
        if (lowerCaseListed && lower.lookingAt()) {
            // Lower case, only a listed name is trusted; the next word joins it only if it reads as a surname.
            String word = lower.group();
            if (lexicon.isFirstName(word) && !lexicon.isWordLike(word) && !lexicon.isNeverName(word)) {
                return withSurname(text, new Candidate(start, lower.end(), List.of(word)));
            }
        }
        Matcher surname = LOWER_SURNAME.matcher(text).region(start, text.length());
        if (lowerCaseSurname && surname.lookingAt() && lexicon.isSurnameLike(surname.group())) {
            return new Candidate(start, surname.end(), List.of(surname.group()));
        }
        return null;
    }

    /** The given name and the surname after it, in either case: "sarah johnson", "mike O'Brien". */
    private Candidate withSurname(String text, Candidate given) {
        Matcher gap = GAP.matcher(text).region(given.end(), text.length());
        if (!gap.lookingAt()) {
            return given;
        }
        Matcher upper = NAME_WORD.matcher(text).region(gap.end(), text.length());
        if (upper.lookingAt() && !lexicon.isNeverName(upper.group())) {
            return extend(text, given.start(), given.end(), given.words().getFirst());
        }
        return withLowerCaseSurname(text, given);
    }

    /**
     * A single listed first name and the lower-case word after it when that word reads as a surname
     * ("Sarah johnson"); "my mom Linda read it" stays as it is, since "read" is an English word.
     */
    private Candidate withLowerCaseSurname(String text, Candidate name) {
        if (name.words().size() != 1 || !lexicon.isFirstName(name.words().getFirst())) {
            return name;
        }
        Matcher gap = GAP.matcher(text).region(name.end(), text.length());
        if (!gap.lookingAt()) {
            return name;
        }
        Matcher surname = LOWER_SURNAME.matcher(text).region(gap.end(), text.length());
        if (!surname.lookingAt() || !lexicon.isSurnameLike(surname.group())) {
            return name;
        }
        List<String> words = List.of(name.words().getFirst(), surname.group());
        return new Candidate(name.start(), surname.end(), words);
    }

    /** A second listed first name joined by "and": "my parents Tom and Lisa". */
    private Candidate andName(String text, int at) {
        Matcher and = AND_NAME.matcher(text).region(at, text.length());
        if (!and.lookingAt()) {
            return null;
        }
        Matcher word = NAME_WORD.matcher(text).region(and.end(), text.length());
        if (!word.lookingAt() || !lexicon.isFirstName(word.group()) || lexicon.isNeverName(word.group())) {
            return null;
        }
        return extend(text, word.start(), word.end(), word.group());
    }

    /** "Jessica Martinez": a listed first name and a capitalised surname, no cue needed. */
    private List<Finding> uncuedPairs(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher m = NAME_WORD.matcher(text);
        while (m.find()) {
            String first = m.group();
            if (!lexicon.isFirstName(first) || lexicon.isNeverName(first) || !canOpenPair(text, m.start(), first)) {
                continue;
            }
            Candidate pair = extend(text, m.start(), m.end(), first);
            if (pair.words().size() >= 2 && keep(text, pair, false)) {
                found.add(pair.finding());
            }
        }
        return found;
    }

    /**
     * "Kowalski, Anna": a word that reads as a surname, a comma, and a listed first name. "Thanks, Anna"
     * and "Well, Anna" are not taken (never a name, an English word), nor "Best, Anna" or "Love, Anna":
     * surnames that are also the commonest words.
     */
    private List<Finding> surnameFirst(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher m = SURNAME_FIRST.matcher(text);
        while (m.find()) {
            String surname = m.group(1);
            String first = m.group(2);
            if (!lexicon.isSurnameLike(surname)
                    || !lexicon.isFirstName(first)
                    || lexicon.isWordLike(first)
                    || lexicon.isNeverName(first)) {
                continue;
            }
            Candidate given = extend(text, m.start(2), m.end(2), first);
            List<String> words = new ArrayList<>(List.of(surname));
            words.addAll(given.words());
            Candidate name = new Candidate(m.start(1), given.end(), List.copyOf(words));
            if (keep(text, name, false)) {
                found.add(name.finding());
            }
        }
        return found;
    }

    /** Whether a listed first name at {@code at} may open an uncued pair, judging by the word before it. */
    private boolean canOpenPair(String text, int at, String first) {
        String before = previousWord(text, at);
        if (before == null) {
            // A capital at the start of a sentence proves nothing for a name that is also a word ("Will Medicare
            // pay?").
            return !lexicon.isWordLike(first);
        }
        if (Character.isUpperCase(before.charAt(0))) {
            // After a capitalised word: a longer proper noun ("Saint Mary Hospital") or Title Case text, unless that
            // word is one that is never a name ("Hi Sarah Johnson", "Does Mary Smith").
            return lexicon.isNeverName(before) && !lexicon.isWordLike(first);
        }
        return true;
    }

    /** The name of one to four words from [start, end): adds middle initials and further capitalised words. */
    private Candidate extend(String text, int start, int end, String firstWord) {
        List<String> words = new ArrayList<>(List.of(firstWord));
        for (int i = 0; i < 3; i++) {
            Matcher gap = GAP.matcher(text).region(end, text.length());
            if (!gap.lookingAt()) {
                break;
            }
            int next = gap.end();
            Matcher initial = INITIAL.matcher(text).region(next, text.length());
            if (initial.lookingAt()) {
                next = initial.end();
            }
            Matcher word = NAME_WORD.matcher(text).region(next, text.length());
            if (!word.lookingAt() || lexicon.isNeverName(word.group())) {
                break;
            }
            words.add(word.group());
            end = word.end();
        }
        return new Candidate(start, end, List.copyOf(words));
    }

    private boolean keep(String text, Candidate name, boolean ownName) {
        String after = text.substring(name.end());
        if (CASE_NAME_AFTER.matcher(after).find()
                || INSTITUTION_AFTER.matcher(after).find()
                || CASE_NAME_BEFORE.matcher(text.substring(0, name.start())).find()) {
            return false;
        }
        return ownName || !lexicon.isPublicFigure(name.words());
    }

    private static boolean closesItsLine(String text, int end) {
        return SIGN_OFF_END.matcher(text).region(end, text.length()).lookingAt();
    }

    /** The word before {@code at}, or null when punctuation, a digit or a line break comes first. */
    private static String previousWord(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        if (i < 0 || !Character.isLetter(text.charAt(i))) {
            return null;
        }
        int end = i + 1;
        while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '’')) {
            i--;
        }
        return text.substring(i + 1, end);
    }

    private record Candidate(int start, int end, List<String> words) {
        Finding finding() {
            return new Finding(PiiKind.NAME, start, end);
        }
    }
}
