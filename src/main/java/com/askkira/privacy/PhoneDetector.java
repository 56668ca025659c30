package com.askkira.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Telephone numbers, found by Google's libphonenumber in US formats and, written with a "+", in any
 * country's. Public numbers are kept: toll-free lines (1-800 and its siblings, where every US crisis
 * hotline lives), three-digit service numbers (988, 911) and SMS short codes (741741) are not
 * personal, and a reader asking about them needs them. Citations that look numeric ("45 CFR
 * 164.512", "42 U.S.C. 290dd-2") never have a phone's shape, and a number right after a section
 * sign or "CFR" is not taken for one.
 */
final class PhoneDetector implements PiiDetector {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int US = 1;

    // libphonenumber at POSSIBLE judges length alone and does not look at what touches a match: these keep a
    // slice of a card number, a docket number ("FC-2023-001234") or a licence ("D1234567") from passing as a phone.
    private static final Pattern WORD_BEFORE = Pattern.compile("[\\w+.\\-/§]\\z");
    private static final Pattern WORD_AFTER = Pattern.compile("^(?:[\\w\\-/]|[.,]\\d)");
    // A number with a trunk zero ("020 7946 0958", "07700 900123") has no country of its own: read as British, and
    // only with a British number's ten or eleven digits, since British metadata at POSSIBLE takes almost any run of
    // digits ("1996", "4111") and at VALID refuses the ranges kept for fiction, which readers copy.
    private static final String TRUNK_ZERO_REGION = "GB";
    // Seven digits only count where the reader says it is a number to call: any seven digits are a possible local
    // number to libphonenumber.
    private static final Pattern LOCAL_CUE =
            Pattern.compile("(?i)\\b(?:phone|cell|mobile|number|call|text|reach)\\b[^.\\d\\n]{0,20}?\\z");
    private static final Pattern LOCAL_SHAPE = Pattern.compile("\\d{3}[.-]\\d{4}");
    private static final Pattern DIGIT_GROUP = Pattern.compile("\\d+");
    private static final Set<String> PHONE_GROUPINGS = Set.of("3,3,4", "3,7", "10", "11");
    private static final Pattern CITATION_BEFORE = Pattern.compile(
            "(?i)(?:§+|\\bcfr|\\bu\\.?s\\.?c\\.?|\\bstat\\.|\\bsec(?:tion|\\.)?|\\bpart|\\bno\\.|\\bpub\\. ?l\\.)\\s*$");

    @Override
    public List<Finding> detect(String text) {
        return mayHoldNumber(text) ? findAll(text) : List.of();
    }

    /**
     * Whether {@code text} could hold a number this detector keeps: seven digits or more (a cued
     * local number has seven, a North American or British one ten or eleven, one dialled abroad with
     * 011 at least seven), or a plus sign before a country code. libphonenumber reads every run of
     * digits it meets, and a question with a year or an age in it has a few.
     */
    static boolean mayHoldNumber(String text) {
        if (text.indexOf('+') >= 0 || text.indexOf('\uFF0B') >= 0) {
            return true;
        }
        return text.codePoints().filter(Character::isDigit).limit(7).count() == 7;
    }

    /** {@link #detect} without the {@link #mayHoldNumber} gate: what the gate must never change. */
    List<Finding> findAll(String text) {
        List<Finding> found = new ArrayList<>();
        // POSSIBLE, not VALID: a number need not be in service to be someone's, and readers write the 555 ones too.
        for (PhoneNumberMatch match : PHONES.findNumbers(text, "US", Leniency.POSSIBLE, Long.MAX_VALUE)) {
            if (standsAlone(text, match) && !isCitation(text, match.start()) && isPersonal(match.number())) {
                if (match.number().getCountryCode() != US
                        || (nationalDigits(match.number()) == 10 && groupedAsOne(match))
                        || isCuedLocal(text, match)) {
                    found.add(new Finding(PiiKind.PHONE, match.start(), match.end()));
                }
            }
        }
        for (PhoneNumberMatch match : PHONES.findNumbers(text, TRUNK_ZERO_REGION, Leniency.POSSIBLE, Long.MAX_VALUE)) {
            if (isTrunkZeroNumber(match.rawString()) && standsAlone(text, match) && !isCitation(text, match.start())) {
                found.add(new Finding(PiiKind.PHONE, match.start(), match.end()));
            }
        }
        return found;
    }

    /**
     * Whether digits read out in words ("five five five, eight six seven...") are a personal number:
     * ten digits, or eleven after a 1, or seven where the reader said it is a number to call.
     */
    static boolean isPersonalNumber(String digits, boolean cued) {
        if (digits.length() == 7) {
            return cued;
        }
        try {
            PhoneNumber number = PHONES.parse(digits, "US");
            return nationalDigits(number) == 10 && PHONES.isPossibleNumber(number) && isPersonal(number);
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** Whether a number is someone's own: not toll-free, and in North America with an area code's shape. */
    private static boolean isPersonal(PhoneNumber number) {
        if (PHONES.getNumberType(number) == PhoneNumberType.TOLL_FREE) {
            return false;
        }
        String national = PHONES.getNationalSignificantNumber(number);
        // An area code never starts with 0 or 1; libphonenumber at POSSIBLE counts digits only.
        return number.getCountryCode() != US || national.length() != 10 || national.charAt(0) >= '2';
    }

    private static boolean isTrunkZeroNumber(String raw) {
        int digits = raw.replaceAll("\\D", "").length();
        return raw.startsWith("0") && digits >= 10 && digits <= 11;
    }

    private static int nationalDigits(PhoneNumber number) {
        return PHONES.getNationalSignificantNumber(number).length();
    }

    /**
     * Whether ten North American digits are grouped as people write a phone number (555-867-5309,
     * (555) 867-5309, 5558675309, 1 555 867 5309): libphonenumber at POSSIBLE counts the digits and
     * ignores their grouping, and a year with a serial ("2023-001234") has ten too.
     */
    private static boolean groupedAsOne(PhoneNumberMatch match) {
        List<String> groups = new ArrayList<>(DIGIT_GROUP
                .matcher(match.rawString())
                .results()
                .map(MatchResult::group)
                .toList());
        if (match.number().hasExtension()) {
            groups.removeLast();
        }
        if (groups.size() > 1 && groups.getFirst().equals("1")) {
            groups.removeFirst();
        }
        return PHONE_GROUPINGS.contains(
                groups.stream().map(g -> String.valueOf(g.length())).collect(Collectors.joining(",")));
    }

    private static boolean isCuedLocal(String text, PhoneNumberMatch match) {
        return LOCAL_SHAPE.matcher(match.rawString()).matches()
                && LOCAL_CUE.matcher(text.substring(0, match.start())).find();
    }

    private static boolean standsAlone(String text, PhoneNumberMatch match) {
        return !WORD_BEFORE.matcher(text.substring(0, match.start())).find()
                && !WORD_AFTER.matcher(text.substring(match.end())).find();
    }

    private static boolean isCitation(String text, int start) {
        return CITATION_BEFORE
                .matcher(text.substring(Math.max(0, start - 12), start))
                .find();
    }
}
