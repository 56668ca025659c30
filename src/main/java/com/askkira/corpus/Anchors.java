package com.askkira.corpus;

import java.text.Normalizer;
import java.util.Locale;

/** Turns a heading into the URL fragment the site gives it. */
public final class Anchors {
    private Anchors() {}

    /** "Can my employer access my therapy records?" becomes "can-my-employer-access-my-therapy-records". */
    public static String of(String heading) {
        String ascii = Normalizer.normalize(heading, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9\\s-]", "")
                .trim()
                .replaceAll("[\\s-]+", "-");
        return slug.isEmpty() ? "section" : slug;
    }
}
