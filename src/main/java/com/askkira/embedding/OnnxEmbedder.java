package com.askkira.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedding model run in-process by ONNX Runtime from a LangChain4j jar. Some models are
 * trained to embed a search query with an instruction in front of it; passages never get one.
 */
final class OnnxEmbedder implements Embedder {
    private static final int BATCH = 64;

    private final String name;
    private final EmbeddingModel model;
    private final String queryInstruction;

    OnnxEmbedder(String name, EmbeddingModel model, String queryInstruction) {
        this.name = name;
        this.model = model;
        this.queryInstruction = queryInstruction;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embedQuery(String text) {
        return normalized(model.embed(queryInstruction + text).content());
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
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
