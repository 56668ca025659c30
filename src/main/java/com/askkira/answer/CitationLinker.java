package com.askkira.answer;

import com.askkira.cache.RecentResults;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties a model's {@code [n]} markers to the passages it was given: {@code [n]} cites passage n of
 * the retrieval, counted from 1. Each citation quotes, verbatim, the span of its chunk from the
 * first to the last chunk sentence that best matches (by shared word stems) an answer sentence
 * citing it. Markers that name no passage stay in the text; the guardrail removes them. Markers are
 * written the way the offline answerer writes them: one number each, before the full stop.
 */
public final class CitationLinker {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");
    private static final Pattern LEADING_MARKERS = Pattern.compile("^(?:\\s*\\[\\d{1,3}])+");
    /** "[1, 2]" and "[1; 2]": models write lists too; the rest of Kira reads one number per marker. */
    private static final Pattern MARKER_LIST = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})+)]");
    /** "…consent. [1] HIPAA…": the sentence splitter would not break there; "…consent [1]. HIPAA…" it does. */
    private static final Pattern MARKERS_AFTER_STOP =
            Pattern.compile("(?<![\\s.]\\p{Lu})([.!?…]+)[ \\t]*((?:\\[\\d{1,3}][ \\t]*)*\\[\\d{1,3}])");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+(?:'[\\p{L}]+)?");
    /** Long enough to keep words apart, short enough that "therapist" meets "therapy". */
    private static final int STEM_LENGTH = 6;

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "do", "does", "for", "from",
            "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "me",
            "might", "must", "my", "no", "not", "of", "on", "or", "our", "she", "should", "so", "such", "than", "that",
            "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "was", "we", "were",
            "what", "when", "where", "which", "who", "will", "with", "would", "you", "your");

    /**
     * The stems of library sentences lately cited: each citation compares the answer with every
     * sentence of its passage, and the same passages are cited answer after answer.
     */
    private static final RecentResults<String, Set<String>> LIBRARY_STEMS = new RecentResults<>(4_096);

    private final SentenceSplitter splitter;

    public CitationLinker(SentenceSplitter splitter) {
        this.splitter = splitter;
    }

    /** The model's text, with one citation for each marker that names a passage of {@code retrieval}. */
    public ComposedAnswer link(String modelText, Retrieval retrieval) {
        String text = tidy(modelText);
        List<Passage> given = retrieval.passages();
        Map<Integer, List<Set<String>>> citing = new TreeMap<>();
        Set<String> previous = null;
        for (Sentence sentence : splitter.split(text)) {
            Set<String> stems = stems(MARKER.matcher(sentence.text()).replaceAll(" "));
            Matcher leading = LEADING_MARKERS.matcher(sentence.text());
            int bodyStart = leading.find() ? leading.end() : 0;
            // A marker still opening a sentence ('…consent." [1] HIPAA…') closes the one before it.
            if (bodyStart > 0) {
                addMarkers(
                        citing,
                        sentence.text().substring(0, bodyStart),
                        previous != null ? previous : stems,
                        given.size());
            }
            addMarkers(citing, sentence.text().substring(bodyStart), stems, given.size());
            if (!stems.isEmpty()) {
                previous = stems;
            }
        }
        List<Citation> citations = new ArrayList<>();
        citing.forEach((n, sentences) -> citations.add(cite(n, given.get(n - 1), sentences)));
        return ComposedAnswer.answered(text, citations);
    }

    private static void addMarkers(
            Map<Integer, List<Set<String>>> citing, String text, Set<String> stems, int passages) {
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= passages) {
                citing.computeIfAbsent(n, k -> new ArrayList<>()).add(stems);
            }
        }
    }

    /** Citation {@code n}: for each answer sentence citing it, the chunk sentence sharing most stems. */
    private static Citation cite(int n, Passage passage, List<Set<String>> answerSentences) {
        var chunk = passage.chunk();
        List<Sentence> sentences = chunk.sentences();
        if (sentences.isEmpty()) {
            return Citation.of(n, chunk, chunk.text(), List.of());
        }
        List<Set<String>> chunkStems = sentences.stream()
                .map(s -> LIBRARY_STEMS.get(s.text(), CitationLinker::stems))
                .toList();
        TreeSet<Integer> picked = new TreeSet<>();
        for (Set<String> answer : answerSentences) {
            picked.add(best(answer, chunkStems));
        }
        String quote = chunk.text()
                .substring(
                        sentences.get(picked.first()).start(),
                        sentences.get(picked.last()).end());
        return Citation.of(
                n,
                chunk,
                quote,
                picked.stream().map(i -> sentences.get(i).text()).toList());
    }

    /** Most shared stems; then the larger share of the chunk sentence; then the earlier sentence. */
    private static int best(Set<String> answer, List<Set<String>> chunkStems) {
        int best = 0;
        int bestShared = -1;
        double bestShare = -1;
        for (int i = 0; i < chunkStems.size(); i++) {
            int shared = 0;
            for (String stem : chunkStems.get(i)) {
                shared += answer.contains(stem) ? 1 : 0;
            }
            double share = chunkStems.get(i).isEmpty()
                    ? 0
                    : (double) shared / chunkStems.get(i).size();
            if (shared > bestShared || (shared == bestShared && share > bestShare)) {
                best = i;
                bestShared = shared;
                bestShare = share;
            }
        }
        return best;
    }

    /** Lower-cased content words, plural "s" and possessive dropped, cut to {@value #STEM_LENGTH} letters. */
    static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            String word = m.group();
            if (word.endsWith("'s")) {
                word = word.substring(0, word.length() - 2);
            }
            if (STOP_WORDS.contains(word)) {
                continue;
            }
            if (word.length() > 3
                    && word.endsWith("s")
                    && !word.endsWith("ss")
                    && !word.endsWith("us")
                    && !word.endsWith("is")) {
                word = word.endsWith("ies")
                        ? word.substring(0, word.length() - 3) + "y"
                        : word.substring(0, word.length() - 1);
            }
            stems.add(word.length() > STEM_LENGTH ? word.substring(0, STEM_LENGTH) : word);
        }
        return stems;
    }

    /**
     * The model's text with its markers written one way: "[1, 2]" as "[1][2]", and markers after a
     * full stop moved before it, so that sentences split where they end.
     */
    public static String tidy(String modelText) {
        return markersBeforeStops(normaliseLists(modelText.strip()));
    }

    private static String markersBeforeStops(String text) {
        if (!hasMarkerAfterStop(text)) {
            return text; // what replaceAll gives when nothing matches
        }
        return MARKERS_AFTER_STOP
                .matcher(text)
                .replaceAll(
                        stop -> Matcher.quoteReplacement(" " + stop.group(2).replaceAll("\\s+", "") + stop.group(1)));
    }

    /**
     * Whether a "[" follows a full stop, "!", "?" or "…" with only spaces and tabs between: what every
     * match of {@link #MARKERS_AFTER_STOP} holds. Its look-behind made the pattern slow on every
     * character of every answer, and answers written here put their markers before the stop.
     */
    static boolean hasMarkerAfterStop(String text) {
        for (int open = text.indexOf('['); open >= 0; open = text.indexOf('[', open + 1)) {
            int before = open - 1;
            while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
                before--;
            }
            if (before >= 0 && ".!?\u2026".indexOf(text.charAt(before)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String normaliseLists(String text) {
        return MARKER_LIST.matcher(text).replaceAll(list -> {
            StringBuilder markers = new StringBuilder();
            for (String n : list.group(1).split("\\s*[,;]\\s*")) {
                markers.append('[').append(n).append(']');
            }
            return Matcher.quoteReplacement(markers.toString());
        });
    }
}
