package com.askkira.embedding;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.List;

/**
 * The embedding models that ship inside Kira's jar. BGE small is the default: on the held-out
 * golden set it put the right section in the top three for more questions than MiniLM did.
 */
public final class EmbeddingModels {
    public static final String BGE_SMALL = "bge-small-en-v1.5";
    public static final String MINILM = "all-minilm-l6-v2";
    public static final List<String> NAMES = List.of(BGE_SMALL, MINILM);
    /** Both shipped models write 384 numbers a text. */
    private static final int DIMENSION = 384;

    private EmbeddingModels() {}

    /**
     * Query vectors kept for reuse: a question's two embeddings (crisis screen, search) happen in one
     * step of its request, a core at a time, so a few would do; 1,024 (1.5 MB) also serves a reader
     * who asks again.
     */
    private static final int RECENT_QUERIES = 1024;

    /**
     * How many numbers a text's vector has, known from the name alone: what needs only that (the
     * stored start-up vectors) does not wait for the model to load.
     */
    public static int dimension(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown embedding model '" + name + "'; use one of " + NAMES);
        }
        return DIMENSION;
    }

    public static Embedder load(String name) {
        return new RecentQueries(onnx(name), RECENT_QUERIES);
    }

    private static Embedder onnx(String name) {
        return switch (name) {
            case BGE_SMALL ->
                new OnnxEmbedder(
                        BGE_SMALL,
                        // BGE reads its [CLS] token, as LangChain4j's own BgeSmallEnV15QuantizedEmbeddingModel does.
                        QuietOnnxModel.fromJar(
                                "bge-small-en-v1.5-q.onnx",
                                "bge-small-en-v1.5-q-tokenizer.json",
                                PoolingMode.CLS,
                                DIMENSION),
                        "Represent this sentence for searching relevant passages: ");
            case MINILM ->
                new OnnxEmbedder(
                        MINILM,
                        QuietOnnxModel.fromJar(
                                "all-minilm-l6-v2-q.onnx",
                                "all-minilm-l6-v2-q-tokenizer.json",
                                PoolingMode.MEAN,
                                DIMENSION),
                        "");
            default ->
                throw new IllegalArgumentException("unknown embedding model '" + name + "'; use one of " + NAMES);
        };
    }
}
