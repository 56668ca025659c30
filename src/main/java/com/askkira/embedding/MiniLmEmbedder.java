package com.askkira.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/** all-MiniLM-L6-v2 (quantised), run in-process by ONNX Runtime from LangChain4j's jar. */
public final class MiniLmEmbedder implements Embedder {
    private static final int BATCH = 64;

    private final EmbeddingModel model;

    public MiniLmEmbedder() {
        this(new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    MiniLmEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        return normalized(model.embed(text).content());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(TextSegment::from)
                    .toList();
            model.embedAll(batch).content().forEach(e -> vectors.add(normalized(e)));
        }
        return vectors;
    }

    private static float[] normalized(Embedding embedding) {
        float[] v = embedding.vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}
