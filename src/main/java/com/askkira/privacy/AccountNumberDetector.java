package com.askkira.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Social Security numbers, payment card numbers (Luhn-checked, so a random long number is not
 * taken for one) and record or member numbers introduced as such ("MRN 00123456", "my member ID is
 * XJH123456789"). Court docket numbers stay: "Case No. 95-266" is a public citation, so a case or
 * claim number counts only when it is someone's own ("my case number is ...").
 */
final class AccountNumberDetector implements PiiDetector {
    private static final Pattern SSN_SHAPE = Pattern.compile("(?<![\\w-])(\\d{3})-(\\d{2})-(\\d{4})(?![\\w-])");
    private static final Pattern SSN_CUED = Pattern.compile(
            "(?i)\\b(?:ssn|ss#|social security(?:\\s+(?:number|no\\.?|#))?|social)\\s*(?:is|was|:|#|=)?\\s*"
                    + "((\\d{3})[ -]?(\\d{2})[ -]?(\\d{4}))(?![\\w-])");
    private static final Pattern CARD = Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){12,18}(?![\\w-])");
    private static final Pattern ID_CUED = Pattern.compile("(?i)\\b(?:mrn|passport|(?:driver'?s'?\\s+)?licen[cs]e|id"
            + "|(?:medical\\s+record|patient|member|subscriber|policy|insurance|medicare|medicaid|chart"
            + "|client|student|employee|group)\\s*(?:id|number|num|no\\.?|#)"
            + "|(?:my|our|his|her|their|your)\\s+(?:case|claim|account|acct|file)\\s*(?:number|num|no\\.?|#))"
            + "(?:\\s*(?:number|num|no\\.?|#))?\\s*(?:is|was|:|=|#)?\\s*"
            + "([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?![\\w-])");

    @Override
    public List<Finding> detect(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher ssn = SSN_SHAPE.matcher(text);
        while (ssn.find()) {
            if (plausibleSsn(ssn.group(1), ssn.group(2), ssn.group(3))) {
                found.add(new Finding(PiiKind.SSN, ssn.start(), ssn.end()));
            }
        }
        Matcher cued = SSN_CUED.matcher(text);
        while (cued.find()) {
            if (plausibleSsn(cued.group(2), cued.group(3), cued.group(4))) {
                found.add(new Finding(PiiKind.SSN, cued.start(1), cued.end(1)));
            }
        }
        Matcher card = CARD.matcher(text);
        int from = 0;
        while (from < text.length() && card.find(from)) {
            String digits = card.group().replaceAll("[ -]", "");
            boolean isCard = digits.length() >= 13 && luhn(digits);
            if (isCard) {
                found.add(new Finding(PiiKind.CARD_NUMBER, card.start(), card.end()));
            }
            // A failed run may hold a card after a leading year or count ("in 2019 4111 1111 ..."): look again inside
            // it.
            from = isCard ? card.end() : card.start() + 1;
        }
        Matcher id = ID_CUED.matcher(text);
        while (id.find()) {
            if (looksLikeAnId(id.group(1))) {
                found.add(new Finding(PiiKind.ID_NUMBER, id.start(1), id.end(1)));
            }
        }
        return found;
    }

    /** The SSA never issues area 000, 666 or 9xx, group 00 or serial 0000. */
    private static boolean plausibleSsn(String area, String group, String serial) {
        return !area.equals("000")
                && !area.equals("666")
                && area.charAt(0) != '9'
                && !group.equals("00")
                && !serial.equals("0000");
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** At least five letters or digits, three of them digits: "A1234" yes, "12" or "2" (a section) no. */
    private static boolean looksLikeAnId(String token) {
        long alnum = token.chars().filter(Character::isLetterOrDigit).count();
        long digits = token.chars().filter(Character::isDigit).count();
        return alnum >= 5 && digits >= 3;
    }
}
