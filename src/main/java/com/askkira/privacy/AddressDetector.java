package com.askkira.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses ("123 Main St", "45 Oak Avenue Apt 4B", with city, state and ZIP when they
 * follow) and PO boxes. A street needs a house number, a capitalised name and a street word, so
 * "2 separate court orders" is not an address; in lower case the reader has to say it is one
 * ("I live at 12 elm st"). A ZIP code or a town on its own is left, as HIPAA's Safe Harbor leaves a state.
 */
final class AddressDetector implements PiiDetector {
    private static final String SUFFIX = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct"
            + "|Place|Pl|Terrace|Ter|Way|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq|Loop|Pike|Plaza)";
    private static final String DIRECTION = "(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?\\s+)?";
    // Courts are numbered too: "the 1996 Supreme Court decision" is not a street.
    private static final String NOT_A_STREET =
            "(?!(?:Supreme|Appeals?|District|Circuit|Superior|Family|Federal|Juvenile"
                    + "|Probate|County|State|Tax|Claims|Bankruptcy|Municipal|Drug|Traffic|Small|High|Trial)\\b)";
    private static final String UNIT =
            "(?:,?\\s+(?:Apt|Apartment|Unit|Suite|Ste|Fl|Floor|Rm|Room|#)\\.?\\s*#?\\s*[A-Za-z0-9-]+)?";
    // A town is taken along only when a state code or ZIP closes it: "123 Main St, California law says" stops at St.
    private static final Pattern CITY_STATE_ZIP =
            Pattern.compile(",\\s*\\p{Lu}\\p{L}+(?:\\s\\p{Lu}\\p{L}+){0,2},?\\s+[A-Z]{2}(?:\\s+\\d{5}(?:-\\d{4})?)?\\b"
                    + "|,?\\s+\\d{5}(?:-\\d{4})?\\b");
    private static final Pattern STREET = Pattern.compile("(?<![\\w.,/-])\\d{1,6}[A-Za-z]?\\s+" + DIRECTION
            + "(?:" + NOT_A_STREET + "(?:\\d{1,3}(?:st|nd|rd|th)|\\p{Lu}[\\p{L}'-]*)\\s+){1,4}"
            + SUFFIX + "\\b\\.?(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?" + UNIT);
    private static final Pattern STREET_CUED =
            Pattern.compile("(?i)\\b(?:live at|lives at|living at|address is|address:|moved to|located at)\\s+"
                    + "(\\d{1,6}[a-z]?\\s+(?:[a-z][\\p{L}'-]*\\s+){1,4}" + SUFFIX + "\\b\\.?" + UNIT + ")");
    private static final Pattern PO_BOX = Pattern.compile("(?i)\\bp\\.?\\s?o\\.?\\s*box\\s+\\d+");

    @Override
    public List<Finding> detect(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher street = STREET.matcher(text);
        while (street.find()) {
            int end = street.end();
            Matcher place = CITY_STATE_ZIP.matcher(text).region(end, text.length());
            if (place.lookingAt()) {
                end = place.end();
            }
            found.add(new Finding(PiiKind.ADDRESS, street.start(), withoutFullStop(text, street.start(), end)));
        }
        Matcher cued = STREET_CUED.matcher(text);
        while (cued.find()) {
            found.add(new Finding(PiiKind.ADDRESS, cued.start(1), withoutFullStop(text, cued.start(1), cued.end(1))));
        }
        Matcher box = PO_BOX.matcher(text);
        while (box.find()) {
            found.add(new Finding(PiiKind.ADDRESS, box.start(), box.end()));
        }
        return found;
    }

    /**
     * "I live at 123 Main St." ends the sentence with the abbreviation's period: leave it outside the
     * token so the sentence still ends. Before a lower-case word it is the abbreviation's own.
     */
    private static int withoutFullStop(String text, int start, int end) {
        if (end - 1 <= start || text.charAt(end - 1) != '.') {
            return end;
        }
        int next = end;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        boolean sentenceGoesOn = next < text.length() && Character.isLowerCase(text.charAt(next));
        return sentenceGoesOn ? end : end - 1;
    }
}
