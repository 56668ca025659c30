package com.askkira.eval;

import com.askkira.TestKira;
import com.askkira.answer.AnswerDecision.Outcome;
import com.askkira.answer.Citation;
import com.askkira.answer.DecisionFeatures;
import com.askkira.answer.FieldClassifier;
import com.askkira.answer.LabelledNeighbours;
import com.askkira.answer.SentenceScorer;
import com.askkira.config.Tuning;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.index.KiraAnalyzer;
import com.askkira.language.SpanishGloss;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.retrieval.ReaderRetriever;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Retriever;
import com.askkira.retrieval.TermExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Collectors;

/**
 * The decision's features for labelled questions, read as the offline answerer reads them: the
 * reader's retriever over the shared test index, the answerer's sentence scorer and field
 * classifier at the default tuning.
 */
final class DecisionData {
    /** The six passages an answer is drafted from (AnswerPolicy.PASSAGES). */
    private static final int PASSAGES = 6;

    private final Retriever retriever;
    private final LabelledNeighbours neighbours;
    private final ToDoubleBiFunction<String, Retrieval> probe;
    private final SentenceScorer scorer;
    private final FieldClassifier field;
    private final TermExtractor terms = new TermExtractor(KiraAnalyzer.forIndexing());
    private final Tuning.Answer tuning = Tuning.defaults().answer();

    /**
     * The features as the answerer reads them, with {@code neighbours} as the labelled neighbours and
     * {@code probe} reading each question (by its text, for a reading fitted without it, and what it is searched by).
     */
    DecisionData(Function<Embedder, LabelledNeighbours> neighbours, ToDoubleBiFunction<String, Retrieval> probe) {
        Embedder embedder = EmbeddingModels.load(TestKira.sharedConfig().embeddingModel());
        this.retriever = ReaderRetriever.over(TestKira.shared().retriever(), SpanishGloss.fromResources());
        this.scorer = new SentenceScorer(new TermExtractor(KiraAnalyzer.forIndexing()), tuning);
        this.field = FieldClassifier.fromResources(embedder);
        this.neighbours = neighbours.apply(embedder);
        this.probe = probe;
    }

    /** What a question is searched by, as the answerer reads it (glossed, with its history). */
    Retrieval retrieval(LabelledQuestions.Labelled q) {
        return retriever.retrieve(new RetrievalQuery(q.question(), q.history()), PASSAGES);
    }

    /** The labelled questions of {@code sets} as neighbours. */
    static LabelledNeighbours neighbours(List<LabelledQuestions> sets, Embedder embedder) {
        List<LabelledQuestions.Labelled> all =
                sets.stream().flatMap(l -> l.questions().stream()).toList();
        return LabelledNeighbours.of(
                all.stream().map(LabelledQuestions.Labelled::question).toList(),
                all.stream().map(LabelledQuestions.Labelled::expected).toList(),
                embedder);
    }

    record Example(String question, double[] x, Outcome expected) {}

    List<Example> examples(LabelledQuestions set) {
        List<Example> examples = new ArrayList<>();
        for (LabelledQuestions.Labelled q : set.questions()) {
            Retrieval retrieval = retriever.retrieve(new RetrievalQuery(q.question(), q.history()), PASSAGES);
            // A labelled question is never its own neighbour: its features are those of a question never seen.
            DecisionFeatures features = DecisionFeatures.of(
                    retrieval,
                    scorer.score(retrieval, tuning.passages()),
                    field,
                    terms::terms,
                    neighbours.shares(retrieval.queryVector(), q.question()),
                    probe.applyAsDouble(q.question(), retrieval));
            examples.add(new Example(q.question(), features.values(), q.expected()));
        }
        return examples;
    }

    /**
     * The features of the answerable questions of {@code set} as Kira answers them offline, read from
     * only the passages each answer cites (what the relevance check reads); declined ones are left out.
     */
    List<double[]> asCited(LabelledQuestions set) {
        List<double[]> read = new ArrayList<>();
        for (LabelledQuestions.Labelled q : set.questions()) {
            if (q.expected() != Outcome.ANSWER) {
                continue;
            }
            AnswerResponse answer = TestKira.shared().answers().answer(new AnswerRequest(q.question(), q.history()));
            Retrieval retrieval = retriever.retrieve(new RetrievalQuery(q.question(), q.history()), PASSAGES);
            Retrieval asCited = retrieval.onlyPassages(
                    answer.citations().stream().map(Citation::chunkId).collect(Collectors.toSet()));
            if (asCited.passages().isEmpty()) {
                continue;
            }
            read.add(DecisionFeatures.of(
                            asCited,
                            scorer.score(asCited, asCited.passages().size()),
                            field,
                            terms::terms,
                            neighbours.shares(retrieval.queryVector(), q.question()),
                            probe.applyAsDouble(q.question(), retrieval))
                    .values());
        }
        return read;
    }

    static DecisionFeatures features(double[] x) {
        return new DecisionFeatures(
                x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12], x[13], x[14], x[15]);
    }
}
