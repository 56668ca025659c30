package com.askkira.answer;

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
 * Tells a question in the library's field (mental health, therapy, health privacy and law) from
 * one outside it, so an abstention can say "not covered yet" rather than "out of scope". A
 * question is in the field when it uses a word of the field or is close in meaning to one of the
 * field's topics; both lists are resources a writer can extend.
 */
public final class FieldClassifier {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d']+");

    private final Embedder embedder;
    private final Set<String> fieldWords;
    private final List<float[]> topics;
    private final double minSimilarity;

    public FieldClassifier(Embedder embedder, Set<String> fieldWords, List<String> topics, double minSimilarity) {
        this.embedder = embedder;
        this.fieldWords = Set.copyOf(fieldWords);
        this.topics = embedder.embedAll(topics);
        this.minSimilarity = minSimilarity;
    }

    public static FieldClassifier fromResources(Embedder embedder, double minSimilarity) {
        return new FieldClassifier(
                embedder,
                Set.copyOf(lines("/field/words.txt")),
                lines("/field/topics.txt"),
                minSimilarity);
    }

    public boolean inField(String question) {
        Matcher words = WORD.matcher(question.toLowerCase(Locale.ROOT));
        while (words.find()) {
            if (fieldWords.contains(words.group())) {
                return true;
            }
        }
        return closestTopic(embedder.embed(question)) >= minSimilarity;
    }

    double closestTopic(float[] questionVector) {
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
