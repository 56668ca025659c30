package com.askkira.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates introduced as a birth date ("DOB 03/14/1990", "born on March 14, 1990", "my birthday is
 * 3/14/90"). Other dates stay: "since 2023" or "my session on May 11, 2023" say when something
 * happened, which the question may turn on. A birth year alone ("born in 1990") stays too: like HIPAA's
 * Safe Harbor rule, which keeps years, we treat it as an age, and ages decide the rules on minors.
 * Only the date is replaced, not the cue, so "born on [date of birth]" still reads.
 */
final class DateOfBirthDetector implements PiiDetector {
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:\\d{4}|'?\\d{2})";
    private static final String DATE = "(?:"
            + "\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})"
            + "|\\d{4}-\\d{1,2}-\\d{1,2}"
            + "|" + MONTH + "\\s+" + DAY + "(?:,?\\s+" + YEAR + ")?"
            + "|" + DAY + "\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+" + YEAR + ")?"
            + "|" + MONTH + ",?\\s+\\d{4}"
            + "|\\d{1,2}/\\d{1,2})";
    private static final Pattern CUED_DATE = Pattern.compile(
            "(?i)(?:\\bd\\.?o\\.?b\\b\\.?|\\bdate\\s+of\\s+birth|\\bbirth\\s?date|\\bbirthday|\\bb-?day|\\bborn)"
                    + "[\\s:=#-]*(?:(?:is|was|on|in|of|'s|’s)\\s+){0,2}(?:the\\s+)?"
                    + "(" + DATE + ")(?![\\w/]|[.-]\\d)");

    @Override
    public List<Finding> detect(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher m = CUED_DATE.matcher(text);
        while (m.find()) {
            found.add(new Finding(PiiKind.DATE_OF_BIRTH, m.start(1), m.end(1)));
        }
        return found;
    }
}
