package com.askkira.answer;

import com.askkira.cache.RecentResults;
import com.askkira.embedding.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The field signals the answer decision ({@link AnswerDecision}) reads, so an abstention can say
 * "not covered yet" rather than "out of scope": whether a question uses a word of the field (mental
 * health, therapy, health privacy and law), speaks of the library's subject, and how close it comes
 * to a topic of the field against a topic outside it (a confidentiality clause in an NDA is legal,
 * but not health law). The lists are resources a writer can extend.
 */
public final class FieldClassifier {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d']+");
    /**
     * Questions remembered: each answer reads its question twice (the decision, then the relevance
     * check), and the subject's two hundred alternatives at every word boundary were its dearest part.
     */
    private static final int RECENT = 1_024;

    private final Set<String> fieldWords;
    private final Pattern subject;
    private final List<float[]> topics;
    private final List<float[]> outsideTopics;
    private final RecentResults<String, Boolean> fieldWordUsed = new RecentResults<>(RECENT);
    private final RecentResults<String, Boolean> subjectSpoken = new RecentResults<>(RECENT);

    public FieldClassifier(
            Embedder embedder,
            Set<String> fieldWords,
            List<String> subjectCues,
            List<String> topics,
            List<String> outsideTopics) {
        this.fieldWords = Set.copyOf(fieldWords);
        this.subject = Pattern.compile("\\b(?:" + String.join("|", subjectCues) + ")\\b");
        this.topics = embedder.embedPassages(topics);
        this.outsideTopics = embedder.embedPassages(outsideTopics);
    }

    public static FieldClassifier fromResources(Embedder embedder) {
        return new FieldClassifier(
                embedder,
                Set.copyOf(lines("/field/words.txt")),
                lines("/field/subject.txt"),
                lines("/field/topics.txt"),
                lines("/field/outside.txt"));
    }

    /** Whether the question uses a word only the field uses (therapist, HIPAA, subpoena…). */
    public boolean usesAWordOfTheField(String question) {
        return fieldWordUsed.get(question, this::usesAWord);
    }

    private boolean usesAWord(String question) {
        Matcher words = WORD.matcher(question.toLowerCase(Locale.ROOT));
        while (words.find()) {
            if (fieldWords.contains(words.group())) {
                return true;
            }
        }
        return false;
    }

    /** Similarity of the question to the nearest topic outside the field (NDAs, cooking, code…). */
    public double closestOutsideTopic(float[] questionVector) {
        return closest(questionVector, outsideTopics);
    }

    /** Whether the question speaks of what the library is about: who may know what, and the rules. */
    public boolean speaksOfTheLibrarysSubject(String question) {
        return subjectSpoken.get(
                question, q -> subject.matcher(q.toLowerCase(Locale.ROOT)).find());
    }

    /** Similarity of the question to the nearest topic of the field. */
    public double closestTopic(float[] questionVector) {
        return closest(questionVector, topics);
    }

    private static double closest(float[] questionVector, List<float[]> topics) {
        double best = -1;
        for (float[] topic : topics) {
            best = Math.max(best, Embedder.dot(questionVector, topic));
        }
        return best;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = FieldClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
