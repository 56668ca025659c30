package com.askkira.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The pattern table behind {@link ConfidentialityLimitsCheck}, read from a resource the content
 * team can extend (format in its header). Patterns are matched against lower-cased sentences with
 * citation markers removed. {@code @NAME = regex} defines a fragment that later lines use as
 * {@code {NAME}}; a line starting with {@code |} adds an alternative to the line before it.
 */
final class LimitsPatterns {
    /**
     * One way of breaking a rule. A sentence breaks it when every {@code context} pattern matches
     * without being negated, no {@code exempt} pattern matches, and some {@code claim} matches
     * without being negated or denied.
     *
     * @param notAfter a claim that comes after one of these in its clause does not count ("if you
     *     have depression" is not a diagnosis)
     * @param claimMayNegate the claim carries its own negation ("can't tell anyone"), so a "not"
     *     inside the match does not cancel it
     */
    record Entry(
            LimitsRule rule,
            String label,
            List<Pattern> context,
            List<Pattern> claims,
            List<Pattern> exempt,
            List<Pattern> notAfter,
            boolean claimMayNegate) {
        Entry {
            context = List.copyOf(context);
            claims = List.copyOf(claims);
            exempt = List.copyOf(exempt);
            notAfter = List.copyOf(notAfter);
            if (claims.isEmpty()) {
                throw new IllegalArgumentException(rule + " " + label + " has no claim");
            }
        }
    }

    private static final Pattern REFERENCE = Pattern.compile("\\{([A-Z_]+)}");

    private final Map<String, String> fragments;
    private final List<Entry> entries;

    private LimitsPatterns(Map<String, String> fragments, List<Entry> entries) {
        this.fragments = Map.copyOf(fragments);
        this.entries = List.copyOf(entries);
    }

    static LimitsPatterns fromResource(String resource) {
        try (InputStream in = LimitsPatterns.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LimitsPatterns parse(List<String> lines) {
        List<String[]> logical = joinContinuations(lines);
        Map<String, String> fragments = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        EntryBuilder current = null;
        for (String[] numbered : logical) {
            String where = "line " + numbered[0];
            String line = numbered[1];
            if (line.startsWith("@")) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException(where + ": a definition needs '='");
                }
                String name = line.substring(1, eq).strip();
                fragments.put(name, expand(line.substring(eq + 1).strip(), fragments, where));
            } else if (line.startsWith("rule ")) {
                if (current != null) {
                    entries.add(current.build());
                }
                String[] words = line.split("\\s+");
                if (words.length < 3) {
                    throw new IllegalArgumentException(where + ": expected 'rule RULE_NAME label [flags]'");
                }
                current = new EntryBuilder(LimitsRule.valueOf(words[1]), words[2], line.contains("negation-in-claim"));
            } else {
                int colon = line.indexOf(':');
                if (current == null || colon < 0) {
                    throw new IllegalArgumentException(
                            where + ": expected 'context:', 'claim:', 'exempt:' or 'not-after:' under a rule");
                }
                Pattern pattern = compile(expand(line.substring(colon + 1).strip(), fragments, where), where);
                switch (line.substring(0, colon).strip()) {
                    case "context" -> current.context.add(pattern);
                    case "claim" -> current.claims.add(pattern);
                    case "exempt" -> current.exempt.add(pattern);
                    case "not-after" -> current.notAfter.add(pattern);
                    default -> throw new IllegalArgumentException(where + ": unknown key " + line.substring(0, colon));
                }
            }
        }
        if (current != null) {
            entries.add(current.build());
        }
        return new LimitsPatterns(fragments, entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** A fragment the checker itself needs, such as the negation cues. */
    Pattern named(String name) {
        String fragment = fragments.get(name);
        if (fragment == null) {
            throw new IllegalStateException("the limits patterns define no @" + name);
        }
        return compile(fragment, "@" + name);
    }

    /** Continuation lines ("| more") become alternatives of the line before; blanks and comments dropped. */
    private static List<String[]> joinContinuations(List<String> lines) {
        List<String[]> logical = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("|") && !logical.isEmpty()) {
                String[] last = logical.getLast();
                last[1] = last[1] + "|" + line.substring(1).strip();
            } else {
                logical.add(new String[] {String.valueOf(i + 1), line});
            }
        }
        return logical;
    }

    private static String expand(String regex, Map<String, String> fragments, String where) {
        Matcher m = REFERENCE.matcher(regex);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fragment = fragments.get(m.group(1));
            if (fragment == null) {
                throw new IllegalArgumentException(where + ": {" + m.group(1) + "} is not defined above");
            }
            m.appendReplacement(out, Matcher.quoteReplacement("(?:" + fragment + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": " + e.getDescription() + " in " + regex, e);
        }
    }

    private static final class EntryBuilder {
        private final LimitsRule rule;
        private final String label;
        private final boolean claimMayNegate;
        private final List<Pattern> context = new ArrayList<>();
        private final List<Pattern> claims = new ArrayList<>();
        private final List<Pattern> exempt = new ArrayList<>();
        private final List<Pattern> notAfter = new ArrayList<>();

        EntryBuilder(LimitsRule rule, String label, boolean claimMayNegate) {
            this.rule = rule;
            this.label = label;
            this.claimMayNegate = claimMayNegate;
        }

        Entry build() {
            return new Entry(rule, label, context, claims, exempt, notAfter, claimMayNegate);
        }
    }
}
