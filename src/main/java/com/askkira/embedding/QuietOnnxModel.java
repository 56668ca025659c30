package com.askkira.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A model from a LangChain4j embeddings jar, run by ONNX Runtime on one thread that does not spin,
 * on the caller's thread. The jar's own classes start two intra-op threads that spin-wait between
 * calls (a third of the process's CPU on a 2-core machine, burnt while waiting) and hand batches to a
 * pool of their own; here the server's CPU lane decides what runs at once, and nothing else does.
 */
final class QuietOnnxModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    private QuietOnnxModel(OnnxBertBiEncoder encoder, int dimension) {
        super(Runnable::run);
        this.encoder = encoder;
        this.dimension = dimension;
    }

    /**
     * Loads the model and tokenizer that the jar carries at its root (for instance {@code
     * bge-small-en-v1.5-q.onnx} and {@code bge-small-en-v1.5-q-tokenizer.json}).
     */
    static QuietOnnxModel fromJar(String model, String tokenizer, PoolingMode pooling, int dimension) {
        try (InputStream weights = resource(model);
                InputStream vocabulary = resource(tokenizer);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(weights.readAllBytes(), options);
            return new QuietOnnxModel(new OnnxBertBiEncoder(environment, session, vocabulary, pooling), dimension);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + model, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + model, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = QuietOnnxModel.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath; its LangChain4j embeddings jar is missing");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
