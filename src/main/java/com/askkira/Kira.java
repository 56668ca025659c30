package com.askkira;

import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.AnswerDecision;
import com.askkira.answer.AnswerPrompt;
import com.askkira.answer.BlockingModelDrafter;
import com.askkira.answer.ChatModels;
import com.askkira.answer.CitationLinker;
import com.askkira.answer.Decider;
import com.askkira.answer.Drafter;
import com.askkira.answer.FactSentences;
import com.askkira.answer.FieldClassifier;
import com.askkira.answer.LabelledNeighbours;
import com.askkira.answer.ModelServerProbe;
import com.askkira.answer.OfflineAnswerer;
import com.askkira.answer.OfflineChatModel;
import com.askkira.answer.SentenceScorer;
import com.askkira.answer.SmallTalk;
import com.askkira.answer.StreamingModelDrafter;
import com.askkira.concurrent.Futures;
import com.askkira.config.InvalidConfigException;
import com.askkira.config.KiraConfig;
import com.askkira.config.Tuning;
import com.askkira.corpus.Chunker;
import com.askkira.corpus.DocumentType;
import com.askkira.corpus.InvalidDocumentException;
import com.askkira.corpus.Library;
import com.askkira.corpus.LibraryDocument;
import com.askkira.corpus.MarkdownDocumentParser;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.embedding.LoadingEmbedder;
import com.askkira.embedding.StoredVectors;
import com.askkira.eval.GoldenQuestion;
import com.askkira.eval.GoldenSet;
import com.askkira.eval.RetrievalEvaluator;
import com.askkira.eval.RetrievalScore;
import com.askkira.guard.ConfidentialityLimitsCheck;
import com.askkira.guard.InputScreen;
import com.askkira.guard.LibraryChecks;
import com.askkira.guard.LibraryOutputGuardrail;
import com.askkira.guard.NoLeakGuardrail;
import com.askkira.guard.ReaderInputGuardrail;
import com.askkira.guard.RelevanceGuardrail;
import com.askkira.guard.SentenceJudge;
import com.askkira.guard.SupportJudge;
import com.askkira.guard.SupportScorer;
import com.askkira.guard.UnsafeRequestDetector;
import com.askkira.http.KiraServer;
import com.askkira.index.IndexBuilder;
import com.askkira.index.IndexFields;
import com.askkira.index.IndexOpener;
import com.askkira.index.KiraAnalyzer;
import com.askkira.index.KiraIndex;
import com.askkira.index.ReindexException;
import com.askkira.index.Reindexer;
import com.askkira.insights.Insights;
import com.askkira.insights.InsightsReport;
import com.askkira.language.EnglishReading;
import com.askkira.language.SpanishGloss;
import com.askkira.ops.KiraMetrics;
import com.askkira.ops.Readiness;
import com.askkira.pipeline.AnswerIds;
import com.askkira.pipeline.AnswerPolicy;
import com.askkira.pipeline.AnswerService;
import com.askkira.pipeline.CpuLane;
import com.askkira.pipeline.GroundingService;
import com.askkira.pipeline.GuardedDrafter;
import com.askkira.pipeline.KiraException;
import com.askkira.pipeline.ModelCircuit;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.AskedBefore;
import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.LibraryContentRetriever;
import com.askkira.retrieval.ReaderRetriever;
import com.askkira.retrieval.RetrievalMode;
import com.askkira.retrieval.Retriever;
import com.askkira.retrieval.TermExtractor;
import com.askkira.safety.BilingualCrisisScreen;
import com.askkira.safety.LayeredCrisisScreen;
import com.askkira.safety.SemanticCrisisScreen;
import com.askkira.store.DateRange;
import com.askkira.store.Store;
import com.askkira.workbench.Workbench;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kira wired by hand: the library, an index that matches it (built or rebuilt on the way), and the
 * services over it. Everything that the commands and the server use is made here, once.
 */
public final class Kira implements AutoCloseable {
    private static final Duration MODEL_PROBE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Library texts whose terms are remembered: an answer scores about forty sentences and reads six
     * passages, and the same ones come back question after question (the library has about 440).
     */
    private static final int LIBRARY_TEXTS = 8_192;
    /** In the index directory: the vectors of the texts Kira embeds as it starts ({@link StoredVectors}). */
    static final String RESOURCE_VECTORS = "resource-vectors.bin";

    private static final Logger LOG = LoggerFactory.getLogger(Kira.class);

    private final KiraConfig config;
    private final Library library;
    private final IndexBuilder indexBuilder;
    private final KiraIndex index;
    private final HybridRetriever retriever;
    private final AnswerService answers;
    private final GroundingService grounding;
    private final String modelName;
    private final LibraryOutputGuardrail outputGuardrail;
    private final ReaderInputGuardrail inputGuardrail;
    private final Insights insights;
    private final OfflineChatModel offlineChatModel;
    private final Store store;
    private final ScheduledExecutorService retention;
    private final Embedder embedder;
    private final Workbench workbench;
    private final KiraMetrics metrics;
    private final ModelCircuit circuit;
    private final boolean modelConfigured;
    private final String fallbackName;
    private final AtomicInteger documents;

    private Kira(
            KiraConfig config,
            Library library,
            IndexBuilder indexBuilder,
            KiraIndex index,
            HybridRetriever retriever,
            AnswerService answers,
            GroundingService grounding,
            String modelName,
            LibraryOutputGuardrail outputGuardrail,
            ReaderInputGuardrail inputGuardrail,
            Insights insights,
            OfflineChatModel offlineChatModel,
            Store store,
            PiiRedactor redactor,
            Embedder embedder,
            KiraMetrics metrics,
            ModelCircuit circuit,
            boolean modelConfigured,
            String fallbackName) {
        this.config = config;
        this.library = library;
        this.indexBuilder = indexBuilder;
        this.index = index;
        this.retriever = retriever;
        this.answers = answers;
        this.grounding = grounding;
        this.modelName = modelName;
        this.outputGuardrail = outputGuardrail;
        this.inputGuardrail = inputGuardrail;
        this.insights = insights;
        this.offlineChatModel = offlineChatModel;
        this.store = store;
        this.retention = retention(insights, config.retentionDays());
        this.embedder = embedder;
        this.workbench = new Workbench(
                answers,
                grounding,
                library::documents,
                new Chunker(new SentenceSplitter()),
                store,
                redactor,
                config.goldenFile(),
                new Workbench.Gate() {
                    @Override
                    public RetrievalScore scoreCandidate(List<GoldenQuestion> golden) {
                        return Kira.this.scoreCandidate(golden);
                    }

                    @Override
                    public Map<String, Object> swap() {
                        IndexBuilder.BuildReport report = reindex();
                        return Map.of(
                                "documents", report.documents(), "chunks", report.chunks(), "millis", report.millis());
                    }
                },
                Clock.systemUTC(),
                new ObjectMapper());
        this.metrics = metrics;
        this.circuit = circuit;
        this.modelConfigured = modelConfigured;
        this.fallbackName = fallbackName;
        this.documents = new AtomicInteger(library.documents().size());
        metrics.watch(circuit);
        metrics.watchIndex(
                index::generation,
                documents::get,
                () -> Integer.parseInt(index.commitData().getOrDefault(IndexFields.COMMIT_CHUNKS, "0")));
    }

    /**
     * The golden set's retrieval score over a new index of the library as it is now, built in a
     * folder of its own and thrown away after: the index in service is not touched.
     */
    private RetrievalScore scoreCandidate(List<GoldenQuestion> golden) {
        Path staging;
        try {
            staging = Files.createTempDirectory("kira-candidate-index");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            indexBuilder.build(library, staging, Reindexer.DEFAULT_TIME_LIMIT);
            try (KiraIndex candidate = KiraIndex.open(staging)) {
                return new RetrievalEvaluator(retriever.over(candidate))
                        .score(new GoldenSet(golden), RetrievalMode.HYBRID);
            }
        } catch (ReindexException.TimedOut e) {
            // As the re-index itself answers: 503 timed_out, the index in service untouched.
            throw new KiraException.TimedOut(e.getMessage());
        } catch (InvalidDocumentException e) {
            throw new KiraException.InvalidDocument(
                    "The library cannot be indexed: " + e.getMessage(), e.file(), e.line());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try (Stream<Path> files = Files.walk(staging)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                LOG.debug("could not delete the candidate index {}", staging, e);
            }
        }
    }

    /** Deletes readers' rows past the retention period now, and once a day after, on one daemon thread. */
    private static ScheduledExecutorService retention(Insights insights, int days) {
        ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kira-retention");
            thread.setDaemon(true);
            return thread;
        });
        daily.scheduleAtFixedRate(
                () -> {
                    try {
                        insights.enforceRetention(days);
                    } catch (RuntimeException e) {
                        // A store that is down today is tried again tomorrow; the thread must live on.
                        LOG.warn("Retention could not run: {}", e.getMessage());
                    }
                },
                0,
                1,
                TimeUnit.DAYS);
        return daily;
    }

    /** Opens Kira over the configured corpus, first building the index if it is missing or stale. */
    public static Kira start(KiraConfig config, PrintStream log) {
        // Before the index build, so that a missing key or a bad URL fails at once.
        Optional<ChatModel> chatModel = config.modelProvider() == KiraConfig.ModelProvider.OFFLINE
                ? Optional.empty()
                : Optional.of(ChatModels.create(config));
        // Unreachable is not fatal: the offline answerer stands in (degraded) until the server answers.
        chatModel
                .flatMap(model -> new ModelServerProbe(MODEL_PROBE_TIMEOUT).problem(ChatModels.baseUrl(config)))
                .ifPresent(problem -> log.println("The model server " + ChatModels.baseUrl(config)
                        + " cannot be reached ("
                        + problem + "). Kira starts anyway: answers come from the offline answerer, marked degraded,"
                        + " until the server answers."));
        Library library = new Library(config.corpusDir(), new MarkdownDocumentParser());
        // The model loads while the library, the store and the index open; an unknown name fails here.
        checkEmbeddingModel(config.embeddingModel());
        LoadingEmbedder embedder = LoadingEmbedder.start(
                config.embeddingModel(), EmbeddingModels.dimension(config.embeddingModel()), () -> embedder(config));
        IndexBuilder builder = new IndexBuilder(new Chunker(new SentenceSplitter()), embedder);
        // What does not need the rest is made side by side, a daemon thread each (issue 11: ready within 3 s).
        ThreadFactory threads =
                Thread.ofPlatform().daemon().name("kira-start-", 1).factory();
        Executor startup = task -> threads.newThread(task).start();
        Tuning tuning = Tuning.defaults();
        CompletableFuture<Store> opening = CompletableFuture.supplyAsync(() -> Store.open(config.dbUrl()), startup);
        CompletableFuture<PiiRedactor> redactors = CompletableFuture.supplyAsync(PiiRedactor::new, startup);
        CompletableFuture<Insights> insightsRead = opening.thenCombine(redactors, (store, redactor) -> {
            Insights insights = new Insights(embedder, redactor, store, Clock.systemUTC());
            config.insightsFile().ifPresent(insights::importFile);
            return insights;
        });
        // The index is checked and opened meanwhile; a build waits for the store and the insights file.
        CompletableFuture<KiraIndex> opened = CompletableFuture.supplyAsync(
                () -> IndexOpener.openOrRebuild(
                        builder, library, config.indexDir(), log, () -> Futures.join(insightsRead)),
                startup);
        // The stored vectors need the model's dimension only, so what reads them is made while it loads.
        Embedder startupVectors = startupVectors(config, embedder);
        CompletableFuture<AskedBefore> asked =
                CompletableFuture.supplyAsync(() -> AskedBefore.fromResources(startupVectors), startup);
        CompletableFuture<HybridRetriever> retrievers = opened.thenCombineAsync(
                asked,
                (index, askedBefore) ->
                        HybridRetriever.over(index, embedder, library.synonymsFile(), askedBefore, tuning.retrieval()),
                startup);
        CompletableFuture<AbstentionWriter> abstainers =
                CompletableFuture.supplyAsync(() -> abstentionWriter(library.documents()), startup);
        // The library's sentences and passages, analysed once for the scorer and the decision alike.
        TermExtractor libraryTerms = TermExtractor.remembering(KiraAnalyzer.forIndexing(), LIBRARY_TEXTS);
        CompletableFuture<Decider> deciders = CompletableFuture.supplyAsync(
                () -> new Decider(
                        AnswerDecision.fromResources(),
                        FieldClassifier.fromResources(startupVectors),
                        LabelledNeighbours.fromResources(startupVectors),
                        libraryTerms),
                startup);
        CompletableFuture<KiraMetrics> registries = CompletableFuture.supplyAsync(KiraMetrics::new, startup);
        CompletableFuture<SpanishGloss> glosses = CompletableFuture.supplyAsync(SpanishGloss::fromResources, startup);
        CompletableFuture<EnglishReading> readings = glosses.thenApplyAsync(EnglishReading::over, startup);
        CompletableFuture<InputScreen> screens = redactors.thenCombineAsync(
                glosses, (redactor, spanish) -> inputScreen(startupVectors, redactor, spanish), startup);
        SupportJudge support = SupportJudge.fromResources(
                new SupportScorer(embedder, new TermExtractor(KiraAnalyzer.forIndexing()), tuning.grounding()));
        // Before the index build too: a database that cannot be opened stops the start at once.
        Insights insights = Futures.join(insightsRead);
        Store store = Futures.join(opening);
        PiiRedactor redactor = Futures.join(redactors);
        // After the index: a document that cannot be read fails its build first, as it always did.
        KiraIndex index = Futures.join(opened);
        AbstentionWriter abstentions = Futures.join(abstainers);
        Decider decider = Futures.join(deciders);
        SentenceScorer sentences = new SentenceScorer(libraryTerms, tuning.answer());
        OfflineAnswerer offline =
                new OfflineAnswerer(sentences, decider, abstentions, FactSentences.fromResources(), tuning.answer());
        SentenceJudge judge = judge(
                abstentions,
                support,
                new RelevanceGuardrail(decider, sentences, abstentions),
                redactor,
                Futures.join(readings));
        SpanishGloss spanish = Futures.join(glosses);
        InputScreen screen = Futures.join(screens);
        HybridRetriever retriever = Futures.join(retrievers);
        // A question asked in Spanish, or with asides, is searched as the library reads it.
        Retriever readersRetriever = ReaderRetriever.over(retriever, spanish);
        // One registry and one breaker per Kira: per replica, as the README says.
        KiraMetrics metrics = Futures.join(registries);
        ModelCircuit circuit = new ModelCircuit(config.modelCircuit());
        GuardedDrafter drafting = new GuardedDrafter(judge, offline, abstentions, circuit, metrics);
        OfflineChatModel offlineChatModel = new OfflineChatModel(offline, retriever);
        Drafter streaming = chatModel
                .<Drafter>map(model -> new StreamingModelDrafter(
                        ChatModels.createStreaming(config),
                        ChatModels.modelName(config),
                        Duration.ofMillis(config.modelTimeoutMs())))
                .orElse(drafting.offline());
        Drafter whole = chatModel
                .<Drafter>map(model -> new BlockingModelDrafter(model, ChatModels.modelName(config)))
                .orElse(drafting.offline());
        CpuLane lane = CpuLane.forCores(config.queueLimit());
        AnswerPolicy policy = new AnswerPolicy(
                screen,
                new SmallTalk("confidentiality in therapy"),
                retriever.sectionMates().widening(readersRetriever),
                drafting,
                streaming,
                whole,
                judge,
                abstentions,
                new AnswerIds(),
                lane,
                metrics);
        // The first question must not wait for the model, and a model that cannot load stops the start.
        embedder.awaitModel();
        return new Kira(
                config,
                library,
                builder,
                index,
                retriever,
                new AnswerService(policy, readersRetriever, insights, lane, metrics),
                new GroundingService(retriever, support, new SentenceSplitter(), lane),
                policy.modelName(),
                new LibraryOutputGuardrail(judge),
                new ReaderInputGuardrail(screen),
                insights,
                offlineChatModel,
                store,
                redactor,
                embedder,
                metrics,
                circuit,
                chatModel.isPresent(),
                offline.modelName());
    }

    /** What reads a reader's message first: redaction, the crisis screen (Spanish too), declined requests. */
    public static InputScreen inputScreen(Embedder embedder, PiiRedactor redactor, SpanishGloss spanish) {
        return new InputScreen(
                redactor,
                new BilingualCrisisScreen(LayeredCrisisScreen.fromResources(embedder), spanish),
                new UnsafeRequestDetector(),
                spanish);
    }

    /** The one judge of every answer: Kira's checks in their order ({@link LibraryChecks#standard}). */
    public static SentenceJudge judge(
            AbstentionWriter abstentions,
            SupportJudge support,
            RelevanceGuardrail relevance,
            PiiRedactor redactor,
            EnglishReading english) {
        ConfidentialityLimitsCheck limits = new ConfidentialityLimitsCheck(english);
        return new SentenceJudge(
                LibraryChecks.standard(
                        abstentions,
                        support,
                        relevance,
                        limits,
                        new NoLeakGuardrail(AnswerPrompt.instructions(), redactor, new SentenceSplitter()),
                        english),
                limits,
                new CitationLinker(new SentenceSplitter()));
    }

    /**
     * The embedder for the fixed texts every start embeds (the crisis screen's examples, the field's
     * topics): their vectors are kept in the index directory and read back at the next start.
     */
    private static Embedder startupVectors(KiraConfig config, Embedder embedder) {
        return StoredVectors.in(config.indexDir().resolve(RESOURCE_VECTORS), embedder);
    }

    /**
     * Embeds, once, what every start would (see {@link #startupVectors}): the {@code index} command
     * does it after building, so the first start over a new index is as quick as the next.
     */
    public static void storeStartupVectors(KiraConfig config, Embedder embedder) {
        Embedder stored = startupVectors(config, embedder);
        SemanticCrisisScreen.fromResources(stored);
        FieldClassifier.fromResources(stored);
        LabelledNeighbours.fromResources(stored);
        AskedBefore.fromResources(stored);
    }

    /** The configured embedding model; a name Kira does not ship is a configuration error. */
    public static Embedder embedder(KiraConfig config) {
        checkEmbeddingModel(config.embeddingModel());
        return EmbeddingModels.load(config.embeddingModel());
    }

    /** Refuses, as a configuration error, a model name Kira does not ship. */
    private static void checkEmbeddingModel(String name) {
        if (!EmbeddingModels.NAMES.contains(name)) {
            throw new InvalidConfigException("KIRA_EMBEDDING_MODEL: unknown embedding model '" + name + "'; use one of "
                    + EmbeddingModels.NAMES);
        }
    }

    private static AbstentionWriter abstentionWriter(List<LibraryDocument> documents) {
        List<String> articles = documents.stream()
                .filter(d -> d.meta().type() == DocumentType.ARTICLE)
                .map(d -> d.meta().title())
                .toList();
        List<String> sources = documents.stream()
                .filter(d -> d.meta().type() == DocumentType.SOURCE)
                .map(d -> d.meta().title())
                .toList();
        return new AbstentionWriter(articles, sources);
    }

    private final Reindexer reindexer = new Reindexer(Reindexer.DEFAULT_TIME_LIMIT);

    /**
     * Rebuilds the index from the corpus and swaps it in without a restart; one at a time, within
     * a time limit. A document that cannot be indexed is named with its line and reason, and the
     * index in service is kept.
     */
    public IndexBuilder.BuildReport reindex() {
        try {
            IndexBuilder.BuildReport report = reindexer.reindex(indexBuilder, library, config.indexDir(), index);
            documents.set(report.documents());
            return report;
        } catch (InvalidDocumentException e) {
            throw new KiraException.InvalidDocument(
                    "The library cannot be indexed: " + e.getMessage(), e.file(), e.line());
        } catch (ReindexException.AlreadyRunning e) {
            throw new KiraException.Conflict(e.getMessage());
        } catch (ReindexException.TimedOut e) {
            throw new KiraException.TimedOut(e.getMessage());
        }
    }

    /** The library's documents, as the index was built from them. */
    public Library library() {
        return library;
    }

    public AnswerService answers() {
        return answers;
    }

    public GroundingService grounding() {
        return grounding;
    }

    public HybridRetriever retriever() {
        return retriever;
    }

    /** The library as a LangChain4j content retriever, for an AI service of one's own. */
    public ContentRetriever contentRetriever(int maxResults) {
        return new LibraryContentRetriever(retriever, maxResults);
    }

    /** Kira's input checks (personal data, crisis, diagnosis or legal advice) as a LangChain4j input guardrail. */
    public InputGuardrail inputGuardrail() {
        return inputGuardrail;
    }

    /** The offline extractive answerer as a LangChain4j chat model (blocking and streaming) that answers Kira's prompts. */
    public OfflineChatModel offlineChatModel() {
        return offlineChatModel;
    }

    /** Kira's output checks as a LangChain4j output guardrail, for answers written from {@link #contentRetriever}. */
    public LibraryOutputGuardrail outputGuardrail() {
        return outputGuardrail;
    }

    public String modelName() {
        return modelName;
    }

    /** This replica's metrics: the pipeline's stages, model calls, the breaker and the index. */
    public KiraMetrics metrics() {
        return metrics;
    }

    /** Whether this replica can answer: the index open, and the model or its offline stand-in able to write. */
    public Readiness readiness() {
        Readiness.Model model =
                new Readiness.Model(modelName, modelConfigured, circuit.state().wireName(), fallbackName);
        long generation;
        try {
            generation = index.generation();
        } catch (RuntimeException closed) {
            return Readiness.of(new Readiness.Index(false, -1, documents.get(), 0), model);
        }
        int chunks = Integer.parseInt(index.commitData().getOrDefault(IndexFields.COMMIT_CHUNKS, "0"));
        return Readiness.of(new Readiness.Index(true, generation, documents.get(), chunks), model);
    }

    /** Health and re-indexing, as the HTTP server's admin paths expose them. */
    public KiraServer.Admin admin() {
        return new KiraServer.Admin() {
            @Override
            public Map<String, Object> health() {
                Map<String, String> data = index.commitData();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "ok");
                body.put("model", modelName);
                body.put("chunks", Integer.parseInt(data.getOrDefault(IndexFields.COMMIT_CHUNKS, "0")));
                body.put("embeddingModel", data.getOrDefault(IndexFields.COMMIT_EMBEDDER, ""));
                body.put("indexBuiltAt", data.getOrDefault(IndexFields.COMMIT_BUILT_AT, ""));
                return body;
            }

            @Override
            public InsightsReport insights() {
                return insights.report();
            }

            @Override
            public InsightsReport insights(DateRange range) {
                return insights.report(range);
            }

            @Override
            public Optional<Workbench> workbench() {
                return Optional.of(workbench);
            }

            @Override
            public Map<String, Object> reindex() {
                IndexBuilder.BuildReport report = Kira.this.reindex();
                return Map.of("documents", report.documents(), "chunks", report.chunks(), "millis", report.millis());
            }
        };
    }

    /** Where insights, evaluation runs and golden additions are kept. */
    public Store store() {
        return store;
    }

    public Insights insights() {
        return insights;
    }

    /** The content team's workbench behind /admin. */
    public Workbench workbench() {
        return workbench;
    }

    @Override
    public void close() throws IOException {
        retention.shutdownNow();
        workbench.close();
        try {
            index.close();
        } finally {
            store.close();
        }
    }
}
