package com.askkira.safety;

import com.askkira.embedding.Embedder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A third reader of the conversation, learned rather than written: a logistic regression over the
 * embedding the semantic screen already computed (so it costs one dot product, no second
 * embedding), fitted on every labelled crisis set that has been read and calibrated with one
 * threshold. Patterns and nearest examples hear what someone listed; this hears what the labelled
 * sets have in common, which is where phrasings nobody listed fall. Its weights, threshold and
 * the figures they were chosen by are in {@value #MODEL}; {@code CrisisReaderFit} refits them.
 */
public final class LearnedCrisisReader {
    static final String MODEL = "/safety/crisis-learned.json";
    /** A bar no probability reaches: a reader without a rule-question threshold hears no rule question apart. */
    static final double NEVER = 2;

    private final String embedding;
    private final float[] weights;
    private final double bias;
    private final double threshold;
    private final double wholeSupport;
    private final double sentenceSupport;
    private final double ruleQuestionThreshold;

    /**
     * @param embedding the embedding model whose vectors the weights read; other vectors are not heard
     * @param weights one per dimension, applied to the raw vector (the fit's standardisation folded in)
     * @param threshold the probability at and above which a conversation is heard as a crisis
     * @param wholeSupport the least probability the whole conversation needs for the semantic screen's
     *     crisis, heard in it as a whole, to stand ({@link #supportsWholeMessage})
     * @param sentenceSupport the least probability the whole conversation needs for a crisis heard in one of
     *     its sentences alone to stand ({@link #supportsOneSentence})
     * @param ruleQuestionThreshold the probability at and above which a message that asks about the
     *     rules is heard as a crisis ({@link #hearsInRuleQuestion}); above 1, never
     */
    LearnedCrisisReader(
            String embedding,
            float[] weights,
            double bias,
            double threshold,
            double wholeSupport,
            double sentenceSupport,
            double ruleQuestionThreshold) {
        this.embedding = embedding;
        this.weights = weights.clone();
        this.bias = bias;
        this.threshold = threshold;
        this.wholeSupport = wholeSupport;
        this.sentenceSupport = sentenceSupport;
        this.ruleQuestionThreshold = ruleQuestionThreshold;
    }

    /** The reader shipped in the jar. */
    public static LearnedCrisisReader fromResources() {
        try (InputStream in = LearnedCrisisReader.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MODEL);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            FoldedWeights folded = FoldedWeights.read(root);
            return new LearnedCrisisReader(
                    root.get("embedding").asText(),
                    folded.weights(),
                    folded.bias(),
                    root.get("threshold").asDouble(),
                    root.path("wholeSupport").asDouble(0),
                    root.path("sentenceSupport").asDouble(0),
                    root.path("ruleQuestionThreshold").asDouble(NEVER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader from a fit on standardised features: {@code weights} apply to {@code (x - mean) / scale}. */
    static LearnedCrisisReader fitted(
            String embedding,
            double[] mean,
            double[] scale,
            double[] weights,
            double bias,
            double threshold,
            double wholeSupport,
            double sentenceSupport,
            double ruleQuestionThreshold) {
        FoldedWeights folded = FoldedWeights.of(mean, scale, weights, bias);
        return new LearnedCrisisReader(
                embedding,
                folded.weights(),
                folded.bias(),
                threshold,
                wholeSupport,
                sentenceSupport,
                ruleQuestionThreshold);
    }

    /** Whether a vector of {@code model}'s reads as a crisis. */
    public boolean hears(String model, float[] vector) {
        return reads(model, vector) && probability(vector) >= threshold;
    }

    /**
     * Whether a message that asks about the rules ("…does my therapist have to tell anyone?"), embedded
     * as {@code vector}, reads as a crisis: the question pulls the whole message toward the
     * informational, so a person at risk who asks it scores lower than one who does not, and such a
     * message is heard at {@code ruleQuestionThreshold}, below the reader's own threshold.
     */
    public boolean hearsInRuleQuestion(String model, float[] vector) {
        return reads(model, vector) && probability(vector) >= ruleQuestionThreshold;
    }

    private boolean reads(String model, float[] vector) {
        return embedding.equals(model) && vector.length == weights.length;
    }

    /**
     * Whether a crisis heard in one sentence alone may stand in the conversation embedded as {@code
     * vector}: the reader gives the whole at least {@code sentenceSupport}, a bar far below its own
     * threshold, calibrated so that no fitting crisis heard that way is lost. "This waiting list is
     * killing me" is close to a crisis on its own; the whole message, a question about records, is
     * not. A vector the reader cannot read keeps the sentence's alarm.
     */
    public boolean supportsOneSentence(String model, float[] vector) {
        return supports(model, vector, sentenceSupport);
    }

    /**
     * Whether the semantic screen's crisis, heard in the conversation embedded as {@code vector} as a
     * whole, may stand: the reader gives it at least {@code wholeSupport}, calibrated as {@code
     * sentenceSupport} is. Nearest examples hear "that season finale absolutely killed me" or "my mom
     * will murder me if she finds out I got a B" close to a crisis; the reader, which learned from
     * every labelled set, does not.
     */
    public boolean supportsWholeMessage(String model, float[] vector) {
        return supports(model, vector, wholeSupport);
    }

    private boolean supports(String model, float[] vector, double support) {
        return !embedding.equals(model) || vector.length != weights.length || probability(vector) >= support;
    }

    /** The fitted probability that the conversation embedded as {@code vector} is a crisis. */
    double probability(float[] vector) {
        return 1 / (1 + Math.exp(-(bias + Embedder.dot(vector, weights))));
    }

    double threshold() {
        return threshold;
    }

    double wholeSupport() {
        return wholeSupport;
    }

    double sentenceSupport() {
        return sentenceSupport;
    }
}
