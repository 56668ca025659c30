package com.askkira.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers read out in words, whole or in part: "five five five eight six seven five three oh
 * nine", "555 eight six seven 5309". Our own code because libphonenumber reads digits only; whether
 * the digits make a personal number is still its call ({@link PhoneDetector#isPersonalNumber}).
 * "One or two times" or "I have three kids, two boys and one girl" never make enough digits in a row.
 */
final class SpelledPhoneDetector implements PiiDetector {
    private static final Map<String, Character> DIGIT_WORDS = Map.ofEntries(
            Map.entry("zero", '0'),
            Map.entry("oh", '0'),
            Map.entry("o", '0'),
            Map.entry("one", '1'),
            Map.entry("two", '2'),
            Map.entry("three", '3'),
            Map.entry("four", '4'),
            Map.entry("five", '5'),
            Map.entry("six", '6'),
            Map.entry("seven", '7'),
            Map.entry("eight", '8'),
            Map.entry("nine", '9'));
    private static final Pattern TOKEN = Pattern.compile(
            "(?i)(?<![\\w'’])(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|\\d{1,4})(?![\\w'’])");
    /** What may stand between two digits of one number: spaces, a hyphen or comma, a dot with no space. */
    private static final Pattern SEPARATOR = Pattern.compile("[ \\t]*[-–,][ \\t]*|[ \\t]+|\\.");

    private static final Pattern CUE =
            Pattern.compile("(?i)\\b(?:phone|cell|mobile|number|call|text|reach)\\b[^.\\d\\n]{0,20}?\\z");

    @Override
    public List<Finding> detect(String text) {
        List<Finding> found = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String value = m.group().toLowerCase(Locale.ROOT);
            boolean joins = !run.isEmpty()
                    && SEPARATOR
                            .matcher(text)
                            .region(run.getLast().end(), m.start())
                            .matches();
            if (!joins) {
                addIfPhone(text, run, found);
                run.clear();
            }
            // "oh" and "o" are zero only inside a number: "oh no, one more thing" starts none.
            if (run.isEmpty() && (value.equals("oh") || value.equals("o"))) {
                continue;
            }
            Character digit = DIGIT_WORDS.get(value);
            run.add(new Token(m.start(), m.end(), digit == null ? value : digit.toString(), digit != null));
        }
        addIfPhone(text, run, found);
        return found;
    }

    /** The longest tail of the run that is a personal number with a digit in words: "I'm 16, five five five...". */
    private static void addIfPhone(String text, List<Token> run, List<Finding> found) {
        for (int from = 0; from < run.size(); from++) {
            List<Token> tail = run.subList(from, run.size());
            if (tail.stream().noneMatch(Token::spelled)) {
                return; // digits only: PhoneDetector's
            }
            String digits = String.join("", tail.stream().map(Token::digits).toList());
            if (digits.length() < 7) {
                return;
            }
            boolean cued =
                    CUE.matcher(text.substring(0, tail.getFirst().start())).find();
            if (PhoneDetector.isPersonalNumber(digits, cued)) {
                found.add(new Finding(
                        PiiKind.PHONE, tail.getFirst().start(), tail.getLast().end()));
                return;
            }
        }
    }

    /** A digit or a group of digits, and whether it was written as a word. */
    private record Token(int start, int end, String digits, boolean spelled) {}
}
