package com.askkira.safety;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the detector matches with, kept in {@code src/main/resources/safety/} so a clinician
 * can read and extend the lists without reading Java: spellings ({@code normalise.txt},
 * {@code vocabulary.txt}), risk signals ({@code signals.txt}) and framings ({@code framing.txt}).
 */
public final class CrisisPatterns {
    private final TextNormaliser normaliser;
    private final List<Signal> signals;
    private final FramingCues framing;

    CrisisPatterns(TextNormaliser normaliser, List<Signal> signals, FramingCues framing) {
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        this.signals = List.copyOf(signals);
        this.framing = Objects.requireNonNull(framing, "framing");
    }

    public static CrisisPatterns fromResources() {
        return new CrisisPatterns(
                TextNormaliser.fromResources(),
                signals("/safety/signals.txt"),
                FramingCues.fromResource("/safety/framing.txt"));
    }

    /** Reads {@code KINDS CLASS WEIGHT id = regex} lines. */
    static List<Signal> signals(String resource) {
        List<Signal> signals = new ArrayList<>();
        for (PatternFile.Entry entry : PatternFile.read(resource)) {
            String[] head = entry.head().split("\\s+");
            if (head.length != 4) {
                throw new IllegalStateException(
                        resource + ":" + entry.line() + ": expected 'KINDS CLASS WEIGHT id = regex'");
            }
            Set<RiskKind> kinds = EnumSet.noneOf(RiskKind.class);
            for (String kind : head[0].split("\\+")) {
                kinds.add(RiskKind.valueOf(kind));
            }
            signals.add(new Signal(
                    head[3],
                    kinds,
                    SignalClass.valueOf(head[1]),
                    Integer.parseInt(head[2]),
                    Pattern.compile(entry.regex())));
        }
        return signals;
    }

    TextNormaliser normaliser() {
        return normaliser;
    }

    List<Signal> signals() {
        return signals;
    }

    FramingCues framing() {
        return framing;
    }
}
