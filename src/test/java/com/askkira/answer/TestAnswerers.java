package com.askkira.answer;

import com.askkira.TestKira;
import com.askkira.config.Tuning;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.index.KiraAnalyzer;
import com.askkira.retrieval.TermExtractor;
import java.util.List;

/** The offline answerer as {@code Kira.start} builds it, at the default tuning, with the fact sentences a test chooses. */
public final class TestAnswerers {
    private TestAnswerers() {}

    public static OfflineAnswerer offline(FactSentences facts) {
        Embedder embedder = EmbeddingModels.load(TestKira.sharedConfig().embeddingModel());
        Tuning.Answer tuning = Tuning.defaults().answer();
        return new OfflineAnswerer(
                new SentenceScorer(new TermExtractor(KiraAnalyzer.forIndexing()), tuning),
                new Decider(
                        AnswerDecision.fromResources(),
                        FieldClassifier.fromResources(embedder),
                        LabelledNeighbours.fromResources(embedder),
                        new TermExtractor(KiraAnalyzer.forIndexing())),
                new AbstentionWriter(List.of(), List.of()),
                facts,
                tuning);
    }
}
