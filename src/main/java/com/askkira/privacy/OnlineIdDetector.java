package com.askkira.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses, web addresses and IP addresses: identifiers with a fixed shape and no context
 * needed. An email spelled out to slip past filters ("john at example dot com", "john [at] example
 * [dot] com") is an email too; "at" and "dot" as plain words count only together and before a
 * top-level domain, so "I work at google.com" and "the office is at home dot" stay.
 */
final class OnlineIdDetector implements PiiDetector {
    private static final Pattern EMAIL =
            Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.\\p{Alpha}{2,}(?![\\w-])");
    private static final String BRACKETED_AT = "\\s*[\\[(<{]\\s*at\\s*[\\])>}]\\s*";
    private static final String BRACKETED_DOT = "\\s*[\\[(<{]\\s*dot\\s*[\\])>}]\\s*";
    private static final String WORD_DOT = "\\s+dot\\s+";
    private static final String TLD = "(?:com|org|net|edu|gov|io|co|us|me|info|biz|app|dev|ly|uk|ca|au|de|fr|ie|nz)";
    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
    /** Group 1 is how the at sign was written, group 2 the domain after it. */
    private static final Pattern SPELLED_EMAIL = Pattern.compile("(?i)(?<![\\w.+-])[\\w.+-]*\\w(" + BRACKETED_AT
            + "|\\s+at\\s+|\\s*@\\s*)(" + LABEL + "(?:(?:" + BRACKETED_DOT + "|" + WORD_DOT + "|\\.)" + LABEL + ")*"
            + "(?:" + BRACKETED_DOT + "|" + WORD_DOT + "|\\.)" + TLD + ")(?![\\w-])");

    private static final Pattern SPELLED_DOT = Pattern.compile("(?i)" + BRACKETED_DOT + "|" + WORD_DOT);
    // A bare domain ("hhs.gov", "BetterHelp.com") names a service, not a person: only a path makes it personal.
    private static final Pattern URL = Pattern.compile("(?i)(?<![\\w@.-])(?:(?:https?://|www\\.)[^\\s<>\"'\\[\\]]+"
            + "|[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|edu|gov|io|co|us|me|info|ly|app|uk|ca)"
            + "/[^\\s<>\"'\\[\\]]*)");
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 =
            Pattern.compile("(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?!\\w|\\.\\d)");
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:])(?:(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}"
            + "|(?:[0-9a-fA-F]{1,4}:){1,6}(?::[0-9a-fA-F]{1,4}){1,6})(?![\\w:])");
    private static final Pattern VERSION_BEFORE = Pattern.compile("(?i)(?:\\bversion|\\bver\\.?|\\bv)\\s*$");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)'\"";

    @Override
    public List<Finding> detect(String text) {
        List<Finding> found = new ArrayList<>();
        addAll(EMAIL, PiiKind.EMAIL, text, found);
        Matcher spelled = SPELLED_EMAIL.matcher(text);
        while (spelled.find()) {
            boolean wordAt = spelled.group(1).strip().equalsIgnoreCase("at");
            boolean spelledDot = SPELLED_DOT.matcher(spelled.group(2)).find();
            boolean plainAt = spelled.group(1).strip().equals("@");
            // A plain email is EMAIL's; "at" as a word needs a spelled "dot" as well to be more than a preposition.
            if (spelledDot || (!wordAt && !plainAt)) {
                found.add(new Finding(PiiKind.EMAIL, spelled.start(), spelled.end()));
            }
        }
        Matcher url = URL.matcher(text);
        while (url.find()) {
            int end = url.end();
            while (end > url.start() && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end > url.start()) {
                found.add(new Finding(PiiKind.URL, url.start(), end));
            }
        }
        Matcher v4 = IPV4.matcher(text);
        while (v4.find()) {
            // "version 1.2.3.4" has an address's shape and nothing of its meaning.
            if (!VERSION_BEFORE
                    .matcher(text.substring(Math.max(0, v4.start() - 10), v4.start()))
                    .find()) {
                found.add(new Finding(PiiKind.IP_ADDRESS, v4.start(), v4.end()));
            }
        }
        Matcher v6 = IPV6.matcher(text);
        while (v6.find()) {
            // "10::30" is a typo for a time; a compressed address has a hex letter or several groups.
            String value = v6.group();
            if (value.split(":+").length >= 3 || value.chars().anyMatch(c -> "abcdefABCDEF".indexOf(c) >= 0)) {
                found.add(new Finding(PiiKind.IP_ADDRESS, v6.start(), v6.end()));
            }
        }
        return found;
    }

    private static void addAll(Pattern pattern, PiiKind kind, String text, List<Finding> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(new Finding(kind, m.start(), m.end()));
        }
    }
}
