package com.askkira.embedding;

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
        return Embedder.normalized(
                model.embed(queryInstruction + text).content().vector());
    }

    /** One batch through the model, which is cheaper than a call per query. */
    @Override
    public List<float[]> embedQueries(List<String> texts) {
        return embedPassages(texts.stream().map(queryInstruction::concat).toList());
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(TextSegment::from)
                    .toList();
            model.embedAll(batch).content().forEach(e -> vectors.add(Embedder.normalized(e.vector())));
        }
        return vectors;
    }
}
