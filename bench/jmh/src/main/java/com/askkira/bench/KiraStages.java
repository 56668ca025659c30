package com.askkira.bench;

import com.askkira.Kira;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.AnswerDecision;
import com.askkira.answer.Decider;
import com.askkira.answer.FactSentences;
import com.askkira.answer.FieldClassifier;
import com.askkira.answer.LabelledNeighbours;
import com.askkira.answer.OfflineAnswerer;
import com.askkira.answer.SentenceScorer;
import com.askkira.config.KiraConfig;
import com.askkira.config.Tuning;
import com.askkira.corpus.DocumentType;
import com.askkira.corpus.Library;
import com.askkira.corpus.LibraryDocument;
import com.askkira.corpus.MarkdownDocumentParser;
import com.askkira.embedding.Embedder;
import com.askkira.guard.InputScreen;
import com.askkira.index.KiraAnalyzer;
import com.askkira.language.SpanishGloss;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.TermExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Kira started as {@code serve} starts it (offline, over corpus/ and an index kept in
 * target/bench/index, built on first use), and each stage taken from it or built as {@code
 * Kira.start} builds it. Inputs are prepared here so each benchmark times its stage alone.
 */
@State(Scope.Benchmark)
public class KiraStages {
    Kira kira;
    Embedder embedder;
    HybridRetriever retriever;
    OfflineAnswerer offline;
    InputScreen screen;
    List<String> questions;
    /** Each answerable golden question with the six passages retrieval gives it. */
    List<Retrieved> retrieved;
    /** Each model-written answer with the passages retrieval gives its question. */
    List<Judged> judged;

    record Retrieved(String question, Retrieval retrieval) {}

    record Judged(String question, String answer, List<Passage> passages) {}

    private final AtomicLong ops = new AtomicLong();
    private long opsAtStart;
    private long cpuAtStart;
    private long wallAtStart;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        String root = BenchInputs.root().toString();
        KiraConfig config = KiraConfig.fromEnvironment(Map.of(
                "KIRA_CORPUS_DIR",
                root + "/corpus",
                "KIRA_INDEX_DIR",
                System.getProperty("kira.bench.index", root + "/target/bench/index")));
        kira = Kira.start(config, new PrintStream(PrintStream.nullOutputStream()));
        retriever = kira.retriever();
        questions = BenchInputs.questions();
        // Only what this benchmark uses: some parts embed hundreds of texts when built, inputs cost a
        // search each, and every benchmark starts in a fresh JVM.
        String benchmark = params.getBenchmark();
        switch (benchmark.substring(benchmark.lastIndexOf('.') + 1)) {
            case "embedQuestion" -> embedder = Kira.embedder(config);
            case "inputScreen" ->
                screen = Kira.inputScreen(Kira.embedder(config), new PiiRedactor(), SpanishGloss.fromResources());
            case "extractiveAnswer" -> {
                embedder = Kira.embedder(config);
                Tuning tuning = Tuning.defaults();
                List<LibraryDocument> documents =
                        new Library(config.corpusDir(), new MarkdownDocumentParser()).documents();
                TermExtractor libraryTerms = TermExtractor.remembering(KiraAnalyzer.forIndexing(), 8_192);
                Decider decider = new Decider(
                        AnswerDecision.fromResources(),
                        FieldClassifier.fromResources(embedder),
                        LabelledNeighbours.fromResources(embedder),
                        libraryTerms);
                offline = new OfflineAnswerer(
                        new SentenceScorer(libraryTerms, tuning.answer()),
                        decider,
                        new AbstentionWriter(
                                titles(documents, DocumentType.ARTICLE), titles(documents, DocumentType.SOURCE)),
                        FactSentences.fromResources(),
                        tuning.answer());
                retrieved = questions.stream()
                        .map(q -> new Retrieved(q, retriever.retrieve(RetrievalQuery.of(q), 6)))
                        .toList();
            }
            case "guardrailChain" -> {
                judged = BenchInputs.modelAnswers().stream()
                        .map(a -> new Judged(
                                a.question(),
                                a.answer(),
                                retriever
                                        .retrieve(RetrievalQuery.of(a.question()), 6)
                                        .passages()))
                        .toList();
                Set<String> sentences = new HashSet<>();
                judged.forEach(j -> sentences.addAll(List.of(j.answer().split("(?<=[.!?])\\s+"))));
                System.out.printf(
                        "%n[inputs] %d model-written answers, about %d distinct sentences: more than the guard's 256"
                                + " recent claims, so cycling through them embeds every sentence afresh%n",
                        judged.size(), sentences.size());
            }
            default -> {
                // hybridSearch and wholeAnswer use Kira as it is.
            }
        }
    }

    /** Counts one operation, for the process-CPU figure printed after each iteration. */
    void counted() {
        ops.incrementAndGet();
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        opsAtStart = ops.get();
        cpuAtStart = processCpuNanos();
        wallAtStart = System.nanoTime();
    }

    /**
     * The whole process's CPU per operation: the benchmark thread's own time plus any native or
     * pool thread working for it (ONNX Runtime's intra-op threads, LangChain4j's embedding pool),
     * which the time per operation alone does not show.
     */
    @TearDown(Level.Iteration)
    public void endIteration() {
        long n = ops.get() - opsAtStart;
        if (n > 0) {
            System.out.printf(
                    "  [process CPU %.3f ms/op over %d ops; %.2f cores busy] ",
                    (processCpuNanos() - cpuAtStart) / 1e6 / n,
                    n,
                    (processCpuNanos() - cpuAtStart) / (double) (System.nanoTime() - wallAtStart));
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        kira.close();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<String> titles(List<LibraryDocument> documents, DocumentType type) {
        List<String> out = new ArrayList<>();
        documents.stream()
                .filter(d -> d.meta().type() == type)
                .forEach(d -> out.add(d.meta().title()));
        return out;
    }
}
