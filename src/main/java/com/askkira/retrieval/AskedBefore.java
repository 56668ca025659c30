package com.askkira.retrieval;

import com.askkira.embedding.Embedder;
import com.askkira.embedding.MostSimilar;
import com.askkira.embedding.VectorTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Questions readers asked before, each labelled with the sections that answer it: a new question's
 * nearest labelled questions vote for their sections. Visitors ask in words the library does not use
 * ("suing the driver", "the nurses won't tell me"), and how others asked the same thing is the
 * evidence that bridges them. {@code retrieval/asked-before.json} is written by {@code AskedBeforeFit}
 * from the project's dev sets only; no held-out or frozen set is among them.
 */
public final class AskedBefore {
    /** Chosen with the weight by {@code AskedBeforeFit}, each dev set left out in turn. */
    static final int NEIGHBOURS = 10;
    /**
     * A labelled question this close is the question itself, reworded at most by case or spelling: it
     * never votes, so a question of the fitting data is measured as a new one would be.
     */
    static final double SAME_QUESTION = 0.98;

    public static final AskedBefore NONE = new AskedBefore(List.of());

    /** One labelled question: its text, its vector and the section keys that answer it. */
    public record Example(String question, float[] vector, List<String> sections) {
        public Example {
            sections = List.copyOf(sections);
        }
    }

    private final List<Example> examples;
    private final VectorTable vectors;

    public AskedBefore(List<Example> examples) {
        this.examples = List.copyOf(examples);
        this.vectors =
                VectorTable.of(this.examples.stream().map(Example::vector).toList());
    }

    public static AskedBefore fromResources(Embedder embedder) {
        try (InputStream in = AskedBefore.class.getResourceAsStream("/retrieval/asked-before.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /retrieval/asked-before.json");
            }
            List<String> questions = new ArrayList<>();
            List<List<String>> sections = new ArrayList<>();
            for (JsonNode q : new ObjectMapper().readTree(in).get("questions")) {
                questions.add(q.get("question").asText());
                List<String> keys = new ArrayList<>();
                q.get("sections").forEach(s -> keys.add(s.asText()));
                sections.add(keys);
            }
            List<float[]> vectors = embedder.embedPassages(questions);
            List<Example> examples = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                examples.add(new Example(questions.get(i), vectors.get(i), sections.get(i)));
            }
            return new AskedBefore(examples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sections the {@link #NEIGHBOURS} nearest labelled questions name, most voted first: each
     * votes with its similarity, shared among the sections it names.
     */
    public List<String> sections(float[] questionVector) {
        if (examples.isEmpty() || questionVector.length == 0) {
            return List.of();
        }
        MostSimilar<Example> nearest = new MostSimilar<>(NEIGHBOURS);
        float[] similarities = vectors.similarities(questionVector);
        for (int i = 0; i < similarities.length; i++) {
            double similarity = similarities[i];
            if (similarity < SAME_QUESTION) {
                nearest.offer(examples.get(i), similarity);
            }
        }
        Map<String, Double> votes = new LinkedHashMap<>();
        for (int i = 0; i < nearest.size(); i++) {
            List<String> named = nearest.item(i).sections();
            double vote = Math.max(0, nearest.similarity(i)) / named.size();
            named.forEach(s -> votes.merge(s, vote, Double::sum));
        }
        // Stable: among equal votes, the section of the nearer question first.
        return votes.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
