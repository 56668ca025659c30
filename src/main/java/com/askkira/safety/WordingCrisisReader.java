package com.askkira.safety;

import com.askkira.answer.QuestionWording;
import com.askkira.embedding.Embedder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A fourth reader, learned like {@link LearnedCrisisReader} but reading the message's words and
 * word pairs beside the embedding the semantic screen already computed. One embedding of a whole
 * message hears "if I tell my therapist I've been cutting again, will she tell my mom" close to the
 * question it asks; the words "been cutting again" are there to read. Fitted on every labelled
 * crisis set and the sets of people at risk who ask about the rules, calibrated with one threshold
 * ({@value #MODEL}, written by {@code CrisisWordingFit}). It costs a dot product and a lookup per
 * word.
 */
public final class WordingCrisisReader {
    static final String MODEL = "/safety/crisis-wording.json";

    private final String embedding;
    private final float[] weights;
    private final Map<String, Double> gramWeights;
    private final double bias;
    private final double threshold;

    /**
     * @param weights one per dimension of the embedding, applied to the raw vector (the fit's
     *     standardisation folded in)
     * @param gramWeights what each known word or word pair the message uses adds
     * @param threshold the probability at and above which a conversation is heard as a crisis
     */
    WordingCrisisReader(
            String embedding, float[] weights, Map<String, Double> gramWeights, double bias, double threshold) {
        this.embedding = embedding;
        this.weights = weights.clone();
        this.gramWeights = Map.copyOf(gramWeights);
        this.bias = bias;
        this.threshold = threshold;
    }

    /** The reader shipped in the jar. */
    public static WordingCrisisReader fromResources() {
        try (InputStream in = WordingCrisisReader.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MODEL);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode grams = root.get("grams");
            JsonNode gramWeights = root.get("gramWeights");
            Map<String, Double> byGram = new HashMap<>();
            for (int i = 0; i < grams.size(); i++) {
                byGram.put(grams.get(i).asText(), gramWeights.get(i).asDouble());
            }
            FoldedWeights folded = FoldedWeights.read(root);
            return new WordingCrisisReader(
                    root.get("embedding").asText(),
                    folded.weights(),
                    byGram,
                    folded.bias(),
                    root.get("threshold").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader from a fit on standardised embeddings: {@code weights} apply to {@code (x - mean) / scale}. */
    static WordingCrisisReader fitted(
            String embedding,
            double[] mean,
            double[] scale,
            double[] weights,
            Map<String, Double> gramWeights,
            double bias,
            double threshold) {
        FoldedWeights folded = FoldedWeights.of(mean, scale, weights, bias);
        return new WordingCrisisReader(embedding, folded.weights(), gramWeights, folded.bias(), threshold);
    }

    /** Whether {@code message}, whose conversation {@code model} embedded as {@code vector}, reads as a crisis. */
    public boolean hears(String message, String model, float[] vector) {
        return embedding.equals(model) && vector.length == weights.length && probability(message, vector) >= threshold;
    }

    /** The fitted probability that the conversation is a crisis. */
    double probability(String message, float[] vector) {
        double z = bias + Embedder.dot(vector, weights);
        for (String gram : QuestionWording.grams(message)) {
            z += gramWeights.getOrDefault(gram, 0.0);
        }
        return 1 / (1 + Math.exp(-z));
    }
}
