package com.askkira.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One quiet thread must change how fast vectors come, never which vectors come. */
class QuietOnnxModelTest {
    private static final List<String> TEXTS = List.of(
            "Can my therapist tell my parents what I say?",
            "Psychotherapy notes get extra protection under HIPAA.",
            "A therapist may have to break confidentiality to protect someone from serious harm.");

    @Test
    void should_embed_as_langchain4js_own_bge_model_does() {
        assertSameVectors(
                QuietOnnxModel.fromJar(
                        "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, 384),
                new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    @Test
    void should_embed_as_langchain4js_own_minilm_model_does() {
        assertSameVectors(
                QuietOnnxModel.fromJar(
                        "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, 384),
                new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    private static void assertSameVectors(EmbeddingModel quiet, EmbeddingModel own) {
        List<TextSegment> segments = TEXTS.stream().map(TextSegment::from).toList();
        var mine = quiet.embedAll(segments).content();
        var theirs = own.embedAll(segments).content();
        assertThat(quiet.dimension()).isEqualTo(own.dimension());
        for (int i = 0; i < TEXTS.size(); i++) {
            float[] a = Embedder.normalized(mine.get(i).vector());
            float[] b = Embedder.normalized(theirs.get(i).vector());
            assertThat(Embedder.dot(a, b)).as(TEXTS.get(i)).isGreaterThan(0.9999f);
        }
    }
}
