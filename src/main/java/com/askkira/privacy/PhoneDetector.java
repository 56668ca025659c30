package com.askkira.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers in North American and international formats. Public numbers are kept: toll-free
 * lines (1-800 and its siblings, where every US crisis hotline lives), three-digit service numbers
 * (988, 911) and SMS short codes (741741) are not personal, and a reader asking about them needs them.
 * Citations that look numeric ("45 CFR 164.512", "42 U.S.C. 290dd-2") never have a phone's shape,
 * and a number right after a section sign or "CFR" is not taken for one.
 */
final class PhoneDetector implements PiiDetector {
    private static final String BEFORE = "(?<![\\w+.\\-/§])";
    private static final String AFTER = "(?![\\w\\-/]|[.,]\\d)";
    private static final Pattern NANP = Pattern.compile(
            BEFORE + "(?:\\+?1[ .-]?)?(?:\\(([2-9]\\d\\d)\\)[ .-]?|([2-9]\\d\\d)[ .-])\\d{3}[ .-]\\d{4}" + AFTER);
    private static final Pattern NANP_RUN = Pattern.compile(BEFORE + "(?:\\+?1)?([2-9]\\d{9})" + AFTER);
    private static final Pattern INTERNATIONAL =
            Pattern.compile(BEFORE + "\\+[1-9]\\d{0,2}(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d{1,5}){2,6}" + AFTER);
    // National formats that start with a trunk zero, as in the UK ("020 7946 0958", "07700 900123").
    private static final Pattern TRUNK_ZERO = Pattern.compile(BEFORE + "0\\d{2,4}[ -]?\\d{3,4}[ -]?\\d{3,4}" + AFTER);
    // Seven digits only count where the reader says it is a number to call.
    private static final Pattern LOCAL_CUED =
            Pattern.compile("(?i)\\b(?:phone|cell|mobile|number|call|text|reach)\\b[^.\\d\\n]{0,20}?" + BEFORE
                    + "(\\d{3}[.-]\\d{4})" + AFTER);
    private static final Pattern CITATION_BEFORE = Pattern.compile(
            "(?i)(?:§+|\\bcfr|\\bu\\.?s\\.?c\\.?|\\bstat\\.|\\bsec(?:tion|\\.)?|\\bpart|\\bno\\.|\\bpub\\. ?l\\.)\\s*$");
    private static final Set<String> TOLL_FREE = Set.of("800", "833", "844", "855", "866", "877", "888");

    @Override
    public List<Finding> detect(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher nanp = NANP.matcher(text);
        while (nanp.find()) {
            String area = nanp.group(1) != null ? nanp.group(1) : nanp.group(2);
            addUnlessPublic(text, nanp.start(), nanp.end(), area, found);
        }
        Matcher run = NANP_RUN.matcher(text);
        while (run.find()) {
            addUnlessPublic(text, run.start(), run.end(), run.group(1).substring(0, 3), found);
        }
        Matcher international = INTERNATIONAL.matcher(text);
        while (international.find()) {
            String digits = international.group().replaceAll("\\D", "");
            if (digits.length() >= 8 && digits.length() <= 15) {
                String area = digits.startsWith("1") && digits.length() == 11 ? digits.substring(1, 4) : "";
                addUnlessPublic(text, international.start(), international.end(), area, found);
            }
        }
        Matcher trunk = TRUNK_ZERO.matcher(text);
        while (trunk.find()) {
            int digits = trunk.group().replaceAll("\\D", "").length();
            if (digits >= 10 && digits <= 11) {
                addUnlessPublic(text, trunk.start(), trunk.end(), "", found);
            }
        }
        Matcher local = LOCAL_CUED.matcher(text);
        while (local.find()) {
            addUnlessPublic(text, local.start(1), local.end(1), "", found);
        }
        return found;
    }

    private static void addUnlessPublic(String text, int start, int end, String areaCode, List<Finding> found) {
        if (TOLL_FREE.contains(areaCode)) {
            return;
        }
        if (CITATION_BEFORE
                .matcher(text.substring(Math.max(0, start - 12), start))
                .find()) {
            return;
        }
        found.add(new Finding(PiiKind.PHONE, start, end));
    }
}
