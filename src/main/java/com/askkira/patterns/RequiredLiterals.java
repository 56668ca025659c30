package com.askkira.patterns;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Literal strings, at least one of which is inside every match of a regular expression: "is
 * (?:completely|totally) private" needs "completely" or "totally" (or " private"). A text that
 * contains none of them holds no match, so the pattern need not run on it, and skipping it gives
 * exactly the answer running it would.
 *
 * <p>Read conservatively from the expression's own text. An optional part ({@code ?}, {@code *},
 * {@code {0,n}}) promises nothing; an alternation promises one of its branches' literals, and only
 * if every branch promises some; a character class, a lookaround or {@code \b} promises nothing and
 * ends a run of literal characters. Anything it does not read (flags, back references, quoting,
 * octal or hex escapes) leaves the pattern with no literals: it always runs.
 */
public final class RequiredLiterals {
    private static final RequiredLiterals NONE = new RequiredLiterals(List.of());

    private final List<String> literals;

    private RequiredLiterals(List<String> literals) {
        this.literals = List.copyOf(literals);
    }

    /** The literals every match of {@code pattern} contains; none when they cannot be read safely. */
    public static RequiredLiterals of(Pattern pattern) {
        if (pattern.flags() != 0) {
            return NONE; // case-insensitive and other modes would need the literals read another way
        }
        try {
            Set<String> found = new Reader(pattern.pattern()).whole();
            return found == null ? NONE : new RequiredLiterals(List.copyOf(found));
        } catch (Unreadable e) {
            return NONE;
        }
    }

    /** False only when {@code text} contains none of the literals, so no match can be in it. */
    public boolean mayMatch(String text) {
        if (literals.isEmpty()) {
            return true;
        }
        for (String literal : literals) {
            if (text.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /** The literals, or none when the pattern must always run. */
    public List<String> literals() {
        return literals;
    }

    /** A construct the reader does not handle: the pattern gets no literals. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * A recursive reader of the expression. Each method returns the literals one of which every
     * match of the part it read contains, or null when that part promises none.
     */
    private static final class Reader {
        /** One element of a sequence: a literal character, or the literals a group promises. */
        private record Atom(String character, Set<String> promised) {
            static final Atom NOTHING = new Atom(null, null);
        }

        private static final Comparator<Set<String>> SELECTIVE = Comparator.<Set<String>>comparingInt(
                        s -> s.stream().mapToInt(String::length).min().orElse(0))
                .thenComparing(Comparator.<Set<String>>comparingInt(Set::size).reversed());

        private final String regex;
        private int at;

        Reader(String regex) {
            this.regex = regex;
        }

        Set<String> whole() {
            Set<String> found = alternation();
            if (at != regex.length()) {
                throw new Unreadable("unbalanced ')' at " + at);
            }
            return found;
        }

        private Set<String> alternation() {
            Set<String> union = new LinkedHashSet<>();
            boolean promised = true;
            while (true) {
                Set<String> branch = sequence();
                if (branch == null) {
                    promised = false;
                } else {
                    union.addAll(branch);
                }
                if (at < regex.length() && regex.charAt(at) == '|') {
                    at++;
                } else {
                    return promised ? union : null;
                }
            }
        }

        /** A concatenation promises what any one of its required parts promises: the most selective is kept. */
        private Set<String> sequence() {
            Set<String> best = null;
            StringBuilder run = new StringBuilder();
            while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
                Atom atom = atom();
                int before = at;
                int min = quantifierMin();
                boolean quantified = at != before;
                if (atom.character() != null && !quantified) {
                    run.append(atom.character());
                    continue;
                }
                best = better(best, run);
                run.setLength(0);
                if (min >= 1) {
                    best = better(best, atom.character() != null ? Set.of(atom.character()) : atom.promised());
                }
            }
            return better(best, run);
        }

        private static Set<String> better(Set<String> best, StringBuilder run) {
            return run.isEmpty() ? best : better(best, Set.of(run.toString()));
        }

        private static Set<String> better(Set<String> best, Set<String> candidate) {
            if (candidate == null) {
                return best;
            }
            if (best == null) {
                return candidate;
            }
            return SELECTIVE.compare(candidate, best) > 0 ? candidate : best;
        }

        private Atom atom() {
            char c = regex.charAt(at++);
            return switch (c) {
                case '(' -> group();
                case '[' -> characterClass();
                case '\\' -> escape();
                case '.', '^', '$' -> Atom.NOTHING;
                case '*', '+', '?', '{' -> throw new Unreadable("dangling quantifier at " + at);
                default -> new Atom(String.valueOf(c), null);
            };
        }

        private Atom group() {
            boolean lookaround = false;
            if (regex.startsWith("?:", at) || regex.startsWith("?>", at)) {
                at += 2;
            } else if (regex.startsWith("?=", at) || regex.startsWith("?!", at)) {
                at += 2;
                lookaround = true;
            } else if (regex.startsWith("?<=", at) || regex.startsWith("?<!", at)) {
                at += 3;
                lookaround = true;
            } else if (regex.startsWith("?<", at)) {
                int close = regex.indexOf('>', at);
                if (close < 0) {
                    throw new Unreadable("unclosed group name at " + at);
                }
                at = close + 1;
            } else if (regex.startsWith("?", at)) {
                throw new Unreadable("inline flags at " + at);
            }
            Set<String> inner = alternation();
            if (at >= regex.length() || regex.charAt(at) != ')') {
                throw new Unreadable("unclosed group at " + at);
            }
            at++;
            // A lookaround matches no text of its own: what it looks at need not be inside the match.
            return lookaround ? Atom.NOTHING : new Atom(null, inner);
        }

        /** Skips a character class ({@code [...]}, nested classes and escapes included): it promises no literal. */
        private Atom characterClass() {
            if (regex.startsWith("]", at) || regex.startsWith("^]", at)) {
                throw new Unreadable("class starting with ']' at " + at);
            }
            int depth = 1;
            while (depth > 0) {
                if (at >= regex.length()) {
                    throw new Unreadable("unclosed class");
                }
                char c = regex.charAt(at++);
                if (c == '\\') {
                    at++;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                }
            }
            return Atom.NOTHING;
        }

        private Atom escape() {
            if (at >= regex.length()) {
                throw new Unreadable("trailing backslash");
            }
            char c = regex.charAt(at++);
            if (!Character.isLetterOrDigit(c)) {
                return new Atom(String.valueOf(c), null); // an escaped punctuation mark stands for itself
            }
            if (c == 'p' || c == 'P') {
                if (regex.startsWith("{", at)) {
                    int close = regex.indexOf('}', at);
                    if (close < 0) {
                        throw new Unreadable("unclosed property");
                    }
                    at = close + 1;
                } else {
                    at++;
                }
                return Atom.NOTHING;
            }
            if ("dDsSwWbBAzZGhHvVRXtnrfea".indexOf(c) >= 0) {
                return Atom.NOTHING; // a class of characters, a boundary or a control character
            }
            throw new Unreadable("escape \\" + c); // back references, quoting, octal, hex, unicode, names
        }

        /** The least number of times the atom just read must occur: 1 when no quantifier follows. */
        private int quantifierMin() {
            if (at >= regex.length()) {
                return 1;
            }
            int min;
            switch (regex.charAt(at)) {
                case '?', '*' -> {
                    at++;
                    min = 0;
                }
                case '+' -> {
                    at++;
                    min = 1;
                }
                case '{' -> {
                    int close = regex.indexOf('}', at);
                    if (close < 0) {
                        throw new Unreadable("unclosed quantifier");
                    }
                    String bounds = regex.substring(at + 1, close);
                    if (!bounds.matches("\\d+(,\\d*)?")) {
                        throw new Unreadable("quantifier {" + bounds + "}");
                    }
                    min = Integer.parseInt(bounds.split(",")[0]);
                    at = close + 1;
                }
                default -> {
                    return 1;
                }
            }
            if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
                at++; // lazy or possessive: the same least number of times
            }
            return min;
        }
    }
}
