package com.askkira.safety;

import com.askkira.patterns.RequiredLiterals;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The framing cues of {@code framing.txt}, one pattern per framing. */
final class FramingCues {
    private final Map<Framing, Pattern> cues;
    /** What each cue's matches need: a text without any of it holds no cue, so the pattern is not run. */
    private final Map<Framing, RequiredLiterals> needs = new EnumMap<>(Framing.class);

    FramingCues(Map<Framing, Pattern> cues) {
        for (Framing framing : Framing.values()) {
            if (!cues.containsKey(framing)) {
                throw new IllegalArgumentException("no cue for " + framing);
            }
        }
        this.cues = new EnumMap<>(cues);
        this.cues.forEach((framing, pattern) -> needs.put(framing, RequiredLiterals.of(pattern)));
    }

    static FramingCues fromResource(String resource) {
        Map<Framing, List<String>> alternatives = new EnumMap<>(Framing.class);
        for (PatternFile.Entry entry : PatternFile.read(resource)) {
            Framing framing = Framing.valueOf(entry.head());
            alternatives.computeIfAbsent(framing, f -> new ArrayList<>()).add("(?:" + entry.regex() + ")");
        }
        Map<Framing, Pattern> cues = new EnumMap<>(Framing.class);
        alternatives.forEach((framing, regexes) -> cues.put(framing, Pattern.compile(String.join("|", regexes))));
        return new FramingCues(cues);
    }

    boolean in(Framing framing, String text) {
        return needs.get(framing).mayMatch(text)
                && cues.get(framing).matcher(text).find();
    }
}
