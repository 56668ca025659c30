package com.askkira.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replaces the personal identifiers in a reader's text with readable tokens before the text is
 * logged, stored or sent to a model: "my husband Tom" becomes "my husband [name]". Deterministic and
 * offline; immutable, so one instance can serve every thread.
 *
 * <p>Each detector proposes findings; where two overlap, the more specific kind wins (an email over
 * the name inside it, a card over a phone-shaped run of its digits), then the longer span.
 * Redacting a redacted text changes nothing: no detector matches a token.
 */
public final class PiiRedactor {
    /** Most specific first: the kind that wins when findings overlap. */
    private static final List<PiiKind> PRECEDENCE = List.of(
            PiiKind.EMAIL,
            PiiKind.URL,
            PiiKind.SOCIAL_HANDLE,
            PiiKind.SSN,
            PiiKind.CARD_NUMBER,
            PiiKind.ID_NUMBER,
            PiiKind.IP_ADDRESS,
            PiiKind.PHONE,
            PiiKind.DATE_OF_BIRTH,
            PiiKind.ADDRESS,
            PiiKind.NAME);

    private final List<PiiDetector> detectors;

    /** The redactor with every detector and the name lists shipped in the jar. */
    public PiiRedactor() {
        this(NameLexicon.fromClasspath());
    }

    private PiiRedactor(NameLexicon lexicon) {
        this(List.of(
                new OnlineIdDetector(),
                new SocialHandleDetector(lexicon),
                new NeedsDigits(new AccountNumberDetector()),
                new NeedsDigits(new PhoneDetector()),
                new SpelledPhoneDetector(),
                new DateOfBirthDetector(),
                new AddressDetector(),
                new NameDetector(lexicon)));
    }

    PiiRedactor(List<PiiDetector> detectors) {
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("a redactor needs at least one detector");
        }
        this.detectors = List.copyOf(detectors);
    }

    public Redaction redact(String text) {
        Objects.requireNonNull(text, "text");
        List<Finding> candidates = new ArrayList<>();
        for (PiiDetector detector : detectors) {
            candidates.addAll(detector.detect(text));
        }
        List<Finding> chosen = resolveOverlaps(candidates);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding f : chosen) {
            out.append(text, at, f.start()).append(f.kind().token());
            at = f.end();
        }
        out.append(text, at, text.length());
        return new Redaction(out.toString(), chosen);
    }

    private static List<Finding> resolveOverlaps(List<Finding> candidates) {
        List<Finding> byPreference = new ArrayList<>(candidates);
        byPreference.sort(Comparator.comparingInt((Finding f) -> PRECEDENCE.indexOf(f.kind()))
                .thenComparing(Comparator.comparingInt(Finding::length).reversed())
                .thenComparingInt(Finding::start));
        List<Finding> chosen = new ArrayList<>();
        for (Finding f : byPreference) {
            if (chosen.stream().noneMatch(f::overlaps)) {
                chosen.add(f);
            }
        }
        chosen.sort(Comparator.comparingInt(Finding::start));
        return chosen;
    }
}
