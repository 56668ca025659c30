package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.AnswerDecision;
import com.askkira.answer.Citation;
import com.askkira.answer.Decider;
import com.askkira.answer.FactSentences;
import com.askkira.answer.FieldClassifier;
import com.askkira.answer.LabelledNeighbours;
import com.askkira.answer.OfflineAnswerer;
import com.askkira.answer.SentenceScorer;
import com.askkira.answer.SmallTalk;
import com.askkira.config.KiraConfig;
import com.askkira.config.Tuning;
import com.askkira.corpus.Chunk;
import com.askkira.corpus.DocumentType;
import com.askkira.corpus.Library;
import com.askkira.corpus.MarkdownDocumentParser;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.guard.InputScreen;
import com.askkira.guard.Overstatement;
import com.askkira.guard.RelevanceGuardrail;
import com.askkira.guard.SentenceJudge;
import com.askkira.guard.SupportJudge;
import com.askkira.guard.SupportScorer;
import com.askkira.index.KiraAnalyzer;
import com.askkira.index.KiraIndex;
import com.askkira.language.EnglishReading;
import com.askkira.language.SpanishGloss;
import com.askkira.pipeline.AnswerIds;
import com.askkira.pipeline.AnswerPolicy;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.CpuLane;
import com.askkira.pipeline.GuardedDrafter;
import com.askkira.pipeline.PipelineMeter;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.AskedBefore;
import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.ReaderRetriever;
import com.askkira.retrieval.RetrievalMode;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Retriever;
import com.askkira.retrieval.TermExtractor;
import com.askkira.retrieval.Turn;
import com.askkira.safety.CrisisScreen;
import com.askkira.safety.TunedCrisisScreens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures every knob of {@link Tuning} at its default and at its neighbours, on dev data only, and
 * prints one Markdown table row per knob and value: the table in {@code docs/tuning.md}. Run by
 * hand, never in CI (it takes a quarter of an hour):
 *
 * <pre>mvn -B -ntp test -Dtest=TuningSweep -Dkira.sweep=true</pre>
 *
 * <p>(one capability: {@code -Dtest='TuningSweep#crisis'}). Each knob is changed alone, the others
 * at their defaults, and the components that read it are built by hand as {@code Kira.start}
 * wires them; the answer path at the defaults is first checked to answer exactly as {@code
 * Kira.start}'s does. The frozen blind set and {@code abstention-holdout-2} are never read here.
 * A row marked {@code =} gives the default's figures on every measure of its table.
 */
@EnabledIfSystemProperty(named = "kira.sweep", matches = "true")
class TuningSweep {
    private static final Tuning DEFAULTS = Tuning.defaults();
    private static final PiiRedactor REDACTOR = new PiiRedactor();

    private static Embedder embedder;
    private static KiraIndex index;
    private static Library library;
    private static AskedBefore askedBefore;

    @BeforeAll
    static void open() {
        KiraConfig config = TestKira.sharedConfig();
        TestKira.shared(); // builds the index
        embedder = new RememberingEmbedder(EmbeddingModels.load(config.embeddingModel()));
        index = KiraIndex.open(config.indexDir());
        library = new Library(config.corpusDir(), new MarkdownDocumentParser());
        askedBefore = AskedBefore.fromResources(embedder);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void retrieval() {
        GoldenSet dev = GoldenSets.named("retrieval-dev.json");
        new Table(
                        tuning -> {
                            // RetrievalGoldenSetTest's measures: the fused ranking, and each alone (fusion must beat
                            // both).
                            RetrievalEvaluator evaluator = new RetrievalEvaluator(retriever(tuning));
                            List<String> figures = new ArrayList<>();
                            for (RetrievalMode mode :
                                    List.of(RetrievalMode.HYBRID, RetrievalMode.BM25, RetrievalMode.VECTOR)) {
                                RetrievalScore score = evaluator.score(dev, mode);
                                figures.add(
                                        share((int) Math.round(score.hit3() * score.questions()), score.questions()));
                                figures.add(String.format(Locale.ROOT, "%.4f", score.mrr()));
                            }
                            return figures;
                        },
                        "retrieval-dev hybrid: hit@3",
                        "MRR",
                        "BM25 alone: hit@3",
                        "MRR",
                        "vectors alone: hit@3",
                        "MRR")
                .sweep(
                        knob("retrieval.rrfK", 20, 40),
                        knob("retrieval.bm25Weight", 0.8, 1.2),
                        knob("retrieval.vectorWeight", 1.2, 1.8),
                        knob("retrieval.sectionBm25Weight", 0.4, 0.6),
                        knob("retrieval.sectionVectorWeight", 0.4, 0.6),
                        knob("retrieval.headingBoost", 0.2, 0.4),
                        knob("retrieval.titleBoost", 0.2, 0.4, 0, 1),
                        knob("retrieval.historyWeight", 0.4, 0.6, 0, 1),
                        knob("retrieval.spellingAccuracy", 0.6, 0.8, 0.5, 0.9))
                .print();
    }

    @Test
    void answer() {
        GoldenSet dev = GoldenSets.named("retrieval-dev.json");
        GoldenSet second = GoldenSets.named("retrieval-holdout.json");
        GoldenSet everyday = GoldenSets.named("everyday-dev.json");
        JsonNode abstention = json("/golden/abstention-dev.json");
        HybridRetriever retriever = retriever(DEFAULTS);
        Function<Tuning, AnswerPolicy> policies = answerPath(retriever);
        answersAsKiraDoes(policies.apply(DEFAULTS), dev);

        new Table(
                        tuning -> {
                            AnswerPolicy policy = policies.apply(tuning);
                            List<String> figures = new ArrayList<>(citationsAndRefusals(policy, dev));
                            figures.addAll(citationsAndRefusals(policy, second).subList(2, 5));
                            figures.addAll(
                                    citationsAndRefusals(policy, everyday).subList(2, 5));
                            figures.addAll(abstentions(policy, abstention));
                            return figures;
                        },
                        "retrieval-dev: first citation right",
                        "every citation right",
                        "a right section in the first 3 citations",
                        "refused",
                        "facts stated",
                        "retrieval-holdout (dev): a right section in the first 3",
                        "refused",
                        "facts stated",
                        "everyday-dev: a right section in the first 3",
                        "refused",
                        "facts stated",
                        "abstention-dev: outside answered",
                        "answerable answered",
                        "gaps flagged")
                .sweep(
                        knob("answer.lexicalWeight", 0.25, 0.35),
                        knob("answer.lexicalSaturation", 10, 14, 1000),
                        knob("answer.passageWeight", 0.8, 1.2),
                        knob("answer.genericWeight", 0.5, 0.7),
                        knob("answer.keepRatio", 0.7, 0.9),
                        knob("answer.closeness", 0.04, 0.06),
                        knob("answer.coherence", 0.65, 0.75),
                        knob("answer.redundancy", 0.80, 0.90),
                        knob("answer.maxSentences", 3, 5),
                        knob("answer.passages", 3, 5),
                        knob("answer.secondSection", 0.75, 2),
                        knob("answer.sections", 2, 4),
                        knob("answer.leading", 0, 2),
                        knob("answer.sectionFollowing", 0, 2),
                        knob("answer.restOfSection", 2, 4))
                .print();
    }

    @Test
    void grounding() {
        HybridRetriever retriever = retriever(DEFAULTS);
        List<Claims> sets =
                List.of(Claims.read("grounding-fresh-tune", retriever), Claims.read("grounding-claims", retriever));
        new Table(
                        tuning -> {
                            SupportScorer scorer = new SupportScorer(
                                    embedder, new TermExtractor(KiraAnalyzer.forIndexing()), tuning.grounding());
                            List<String> figures = new ArrayList<>();
                            sets.forEach(set -> figures.addAll(set.judged(scorer, tuning.grounding())));
                            return figures;
                        },
                        "grounding-fresh-tune: supported recognised",
                        "unsupported passed",
                        "grounding-claims: supported recognised",
                        "unsupported passed")
                .sweep(knob("grounding.supported", 0.70, 0.75), knob("grounding.meaningWeight", 0.4, 0.6))
                .print();
    }

    /** A set of claims, each with the six passages retrieval finds for it (as SupportScorerTest has them). */
    private record Claims(List<JsonNode> claims, List<List<Passage>> passages) {
        private static final Overstatement OVERSTATEMENT = new Overstatement();

        static Claims read(String set, HybridRetriever retriever) {
            List<JsonNode> claims = new ArrayList<>();
            json("/guard/" + set + ".json").get("claims").forEach(claims::add);
            return new Claims(
                    claims,
                    claims.stream()
                            .map(c -> retriever
                                    .retrieve(RetrievalQuery.of(c.get("claim").asText()), 6)
                                    .passages())
                            .toList());
        }

        /** Supported claims recognised and unsupported ones passed, judged as the grounded check judges. */
        List<String> judged(SupportScorer scorer, Tuning.Grounding grounding) {
            int recognised = 0, supported = 0, passed = 0, unsupported = 0;
            for (int i = 0; i < claims.size(); i++) {
                String text = claims.get(i).get("claim").asText();
                SupportScorer.Claim claim = scorer.claim(text);
                // Some passage quotes the claim, or supports it and licenses its strong words.
                boolean judged = passages.get(i).stream()
                        .anyMatch(p -> p.chunk().text().contains(text)
                                || (scorer.support(claim, p) >= grounding.supported()
                                        && OVERSTATEMENT
                                                .beyond(text, p.chunk().text())
                                                .isEmpty()));
                if (claims.get(i).get("supported").asBoolean()) {
                    supported++;
                    recognised += judged ? 1 : 0;
                } else {
                    unsupported++;
                    passed += judged ? 1 : 0;
                }
            }
            return List.of(share(recognised, supported), share(passed, unsupported));
        }
    }

    @Test
    void crisis() {
        TunedCrisisScreens screens = new TunedCrisisScreens(embedder);
        List<String> ordinary = new ArrayList<>();
        GoldenSets.named("retrieval-dev.json").questions().forEach(q -> ordinary.add(q.question()));
        json("/golden/abstention-dev.json")
                .get("questions")
                .forEach(q -> ordinary.add(q.get("question").asText()));
        List<Message> messages = crisisMessages();
        List<Message> freshTune = crisisFreshTune();
        new Table(
                        tuning -> {
                            CrisisScreen screen = screens.layered(tuning.crisis());
                            long flagged = ordinary.stream()
                                    .filter(q -> screen.assess(
                                                    REDACTOR.redact(q).text(), List.of())
                                            .crisis())
                                    .count();
                            return List.of(
                                    screens.leaveOneOut(tuning.crisis()).toString(),
                                    tally(screen, messages),
                                    tally(screen, freshTune),
                                    flagged + "/" + ordinary.size());
                        },
                        "exemplars, leave-one-out (semantic screen alone)",
                        "crisis-messages",
                        "crisis-fresh-tune",
                        "retrieval-dev + abstention-dev questions flagged")
                .sweep(knob("crisis.margin", -0.02, 0.02), knob("crisis.floor", 0.57, 0.63))
                .print();
    }

    /** A labelled message, as the screen is handed it. */
    private record Message(String text, List<Turn> history, boolean crisis) {}

    /** As CrisisScreenTest reads crisis-messages.json: the messages as written. */
    private static List<Message> crisisMessages() {
        JsonNode root = json("/safety/crisis-messages.json");
        List<Message> out = new ArrayList<>();
        for (String group : List.of("crisis", "informational")) {
            for (JsonNode entry : root.get(group)) {
                List<Turn> history = new ArrayList<>();
                entry.path("history")
                        .forEach(t -> history.add(new Turn(
                                "user".equals(t.get("role").asText()) ? Turn.Role.USER : Turn.Role.ASSISTANT,
                                t.get("content").asText())));
                out.add(new Message(entry.get("message").asText(), history, group.equals("crisis")));
            }
        }
        return out;
    }

    /** As CrisisFreshHoldoutTest reads its sets: redacted first, as the pipeline does. */
    private static List<Message> crisisFreshTune() {
        List<Message> out = new ArrayList<>();
        for (JsonNode m : json("/safety/crisis-fresh-tune.json").get("messages")) {
            List<Turn> history = new ArrayList<>();
            m.path("history")
                    .forEach(t -> history.add(
                            new Turn(Turn.Role.USER, REDACTOR.redact(t.asText()).text())));
            out.add(new Message(
                    REDACTOR.redact(m.get("text").asText()).text(),
                    history,
                    m.get("crisis").asBoolean()));
        }
        return out;
    }

    private static String tally(CrisisScreen screen, List<Message> messages) {
        TunedCrisisScreens.Tally tally = new TunedCrisisScreens.Tally();
        messages.forEach(
                m -> tally.add(m.crisis(), screen.assess(m.text(), m.history()).crisis()));
        return tally.toString();
    }

    private static HybridRetriever retriever(Tuning tuning) {
        return HybridRetriever.over(index, embedder, library.synonymsFile(), askedBefore, tuning.retrieval());
    }

    /** The answer path of {@code Kira.start}, offline, with the tuning's answer knobs; the rest is built once. */
    private static Function<Tuning, AnswerPolicy> answerPath(HybridRetriever retriever) {
        AbstentionWriter abstentions = new AbstentionWriter(titles(DocumentType.ARTICLE), titles(DocumentType.SOURCE));
        PiiRedactor redactor = new PiiRedactor();
        SpanishGloss spanish = SpanishGloss.fromResources();
        InputScreen screen = Kira.inputScreen(embedder, redactor, spanish);
        Retriever readers = ReaderRetriever.over(retriever, spanish);
        Decider decider = new Decider(
                AnswerDecision.fromResources(),
                FieldClassifier.fromResources(embedder),
                LabelledNeighbours.fromResources(embedder),
                new TermExtractor(KiraAnalyzer.forIndexing()));
        SentenceJudge judge = Kira.judge(
                abstentions,
                SupportJudge.fromResources(new SupportScorer(
                        embedder, new TermExtractor(KiraAnalyzer.forIndexing()), DEFAULTS.grounding())),
                new RelevanceGuardrail(
                        decider,
                        new SentenceScorer(new TermExtractor(KiraAnalyzer.forIndexing()), DEFAULTS.answer()),
                        abstentions),
                redactor,
                EnglishReading.fromResources());
        return tuning -> {
            Tuning.Answer a = tuning.answer();
            OfflineAnswerer offline = new OfflineAnswerer(
                    new SentenceScorer(new TermExtractor(KiraAnalyzer.forIndexing()), a),
                    decider,
                    abstentions,
                    FactSentences.fromResources(),
                    a);
            GuardedDrafter drafting = new GuardedDrafter(judge, offline, abstentions);
            return new AnswerPolicy(
                    screen,
                    new SmallTalk("confidentiality in therapy"),
                    retriever.sectionMates().widening(readers),
                    drafting,
                    drafting.offline(),
                    drafting.offline(),
                    judge,
                    abstentions,
                    new AnswerIds(),
                    CpuLane.forCores(8),
                    PipelineMeter.NONE);
        };
    }

    /** The hand-built path must answer as Kira's own does, or the sweep measures something else. */
    private static void answersAsKiraDoes(AnswerPolicy policy, GoldenSet dev) {
        for (GoldenQuestion q : dev.questions()) {
            AnswerRequest request = new AnswerRequest(q.question(), q.turns());
            assertThat(answer(policy, request).answer())
                    .as(q.id())
                    .isEqualTo(TestKira.shared().answers().answer(request).answer());
        }
    }

    private static AnswerResponse answer(AnswerPolicy policy, AnswerRequest request) {
        return policy.answer(request, AnswerPolicy.Delivery.WHOLE, text -> {}).response();
    }

    /** OfflineAnswerQualityTest's measures and AbstentionSetTest's refusals, on one golden set. */
    private static List<String> citationsAndRefusals(AnswerPolicy policy, GoldenSet golden) {
        int answered = 0, firstRight = 0, citations = 0, citationsRight = 0, refused = 0, facts = 0, stated = 0;
        int hit3 = 0;
        for (GoldenQuestion q : golden.questions()) {
            AnswerResponse response = answer(policy, new AnswerRequest(q.question(), q.turns()));
            refused += response.abstained() ? 1 : 0;
            String text = response.answer().toLowerCase(Locale.ROOT);
            for (List<String> fact : q.facts()) {
                facts++;
                stated += fact.stream().anyMatch(p -> text.contains(p.toLowerCase(Locale.ROOT))) ? 1 : 0;
            }
            if (response.citations().isEmpty()) {
                continue;
            }
            answered++;
            firstRight += answers(q, response.citations().getFirst()) ? 1 : 0;
            hit3 += response.citations().stream().limit(3).anyMatch(c -> answers(q, c)) ? 1 : 0;
            for (Citation c : response.citations()) {
                citations++;
                citationsRight += answers(q, c) ? 1 : 0;
            }
        }
        return List.of(
                share(firstRight, answered),
                share(citationsRight, citations),
                share(hit3, golden.questions().size()),
                refused + "/" + golden.questions().size(),
                share(stated, facts));
    }

    private static boolean answers(GoldenQuestion q, Citation c) {
        return q.expected().contains(Chunk.sectionKeyOf(c.chunkId()));
    }

    /** AbstentionSetTest's three measures: outside questions answered, answerable answered, gaps flagged. */
    private static List<String> abstentions(AnswerPolicy policy, JsonNode set) {
        Map<String, int[]> byExpected = new HashMap<>(); // expected -> {answered, all}
        for (JsonNode q : set.get("questions")) {
            AnswerResponse response =
                    answer(policy, new AnswerRequest(q.get("question").asText(), List.of()));
            int[] row = byExpected.computeIfAbsent(q.get("expect").asText(), k -> new int[2]);
            row[0] += response.abstained() ? 0 : 1;
            row[1]++;
        }
        int[] outside = byExpected.getOrDefault("out_of_scope", new int[2]);
        int[] answerable = byExpected.getOrDefault("answered", new int[2]);
        int[] gaps = byExpected.getOrDefault("not_covered", new int[2]);
        return List.of(
                share(outside[0], outside[1]), share(answerable[0], answerable[1]), share(gaps[1] - gaps[0], gaps[1]));
    }

    private static List<String> titles(DocumentType type) {
        return library.documents().stream()
                .filter(d -> d.meta().type() == type)
                .map(d -> d.meta().title())
                .toList();
    }

    private static String share(int part, int whole) {
        return String.format(Locale.ROOT, "%.3f (%d/%d)", whole == 0 ? 0 : (double) part / whole, part, whole);
    }

    private static JsonNode json(String resource) {
        if (resource.startsWith("/frozen/") || resource.contains("holdout-2")) {
            throw new IllegalArgumentException("the sweep never reads " + resource);
        }
        try (InputStream in = TuningSweep.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A knob by its path in {@link Tuning} ("answer.keepRatio") and the values beside its default to measure. */
    private record Knob(String path, List<Double> neighbours) {}

    private static Knob knob(String path, double... neighbours) {
        return new Knob(path, Arrays.stream(neighbours).boxed().toList());
    }

    /** Rows of one capability: each knob at its default and its neighbours, the other knobs at their defaults. */
    private static final class Table {
        private final Function<Tuning, List<String>> measure;
        private final List<String> measures;
        private final List<String> rows = new ArrayList<>();
        private List<String> atDefault;

        Table(Function<Tuning, List<String>> measure, String... measures) {
            this.measure = measure;
            this.measures = List.of(measures);
        }

        Table sweep(Knob... knobs) {
            if (atDefault == null) {
                atDefault = measure.apply(DEFAULTS);
            }
            String only = System.getProperty("kira.sweep.knobs", "");
            for (Knob knob : knobs) {
                if (!only.isEmpty() && !List.of(only.split(",")).contains(knob.path())) {
                    continue;
                }
                Number value = (Number) component((Record) component(DEFAULTS, part(knob)), name(knob));
                row(knob.path(), value + " (default)", atDefault, "");
                for (double neighbour : knob.neighbours()) {
                    List<String> figures = measure.apply(with(DEFAULTS, knob, neighbour));
                    row(knob.path(), format(neighbour, value), figures, figures.equals(atDefault) ? "=" : "");
                }
            }
            return this;
        }

        private void row(String knob, String value, List<String> figures, String same) {
            assertThat(figures)
                    .as(knob + " " + value + ": one figure a measure")
                    .hasSameSizeAs(measures);
            String line = "| " + knob + " | " + value + " | " + String.join(" | ", figures) + " | " + same + " |";
            rows.add(line);
            System.out.println(line); // as it comes: a long sweep shows its progress
        }

        void print() {
            // The table is only worth printing if its figures are the path's own: measured again, the
            // defaults give the same.
            assertThat(measure.apply(DEFAULTS))
                    .as("the defaults, measured twice")
                    .isEqualTo(atDefault);
            System.out.println();
            System.out.println("| knob | value | " + String.join(" | ", measures) + " | same as default |");
            System.out.println("|---|---|" + "---|".repeat(measures.size()) + "---|");
            rows.forEach(System.out::println);
            System.out.println();
        }

        private static String format(double neighbour, Number like) {
            return like instanceof Integer ? String.valueOf((int) neighbour) : String.valueOf(neighbour);
        }
    }

    private static String part(Knob knob) {
        return knob.path().substring(0, knob.path().indexOf('.'));
    }

    private static String name(Knob knob) {
        return knob.path().substring(knob.path().indexOf('.') + 1);
    }

    /** The tuning with one knob changed, through the records' own constructors (so validation applies). */
    static Tuning with(Tuning tuning, Knob knob, double value) {
        Record part = (Record) component(tuning, part(knob));
        return (Tuning) copy(tuning, part(knob), copy(part, name(knob), value));
    }

    private static Object component(Record record, String name) {
        try {
            return find(record, name).getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Record copy(Record record, String name, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals(name)
                    ? converted(value, types[i])
                    : component(record, components[i].getName());
        }
        find(record, name); // an unknown name fails here, not silently
        try {
            return (Record) record.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object converted(Object value, Class<?> type) {
        if (type == int.class) {
            return ((Number) value).intValue();
        }
        if (type == double.class) {
            return ((Number) value).doubleValue();
        }
        return value;
    }

    private static RecordComponent find(Record record, String name) {
        return Arrays.stream(record.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no knob " + name + " in " + record.getClass().getSimpleName()));
    }

    /**
     * The embedder, remembering what it embedded: the sweep asks for the same texts again and
     * again. Each call is remembered whole, so a batch is embedded as the same batch.
     */
    private static final class RememberingEmbedder implements Embedder {
        private final Embedder embedder;
        private final Map<String, float[]> queries = new ConcurrentHashMap<>();
        private final Map<List<String>, List<float[]>> batches = new ConcurrentHashMap<>();
        private final Map<List<String>, List<float[]>> passages = new ConcurrentHashMap<>();

        RememberingEmbedder(Embedder embedder) {
            this.embedder = embedder;
        }

        @Override
        public String name() {
            return embedder.name();
        }

        @Override
        public int dimension() {
            return embedder.dimension();
        }

        @Override
        public float[] embedQuery(String text) {
            return queries.computeIfAbsent(text, embedder::embedQuery);
        }

        @Override
        public List<float[]> embedQueries(List<String> texts) {
            return batches.computeIfAbsent(List.copyOf(texts), embedder::embedQueries);
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            return passages.computeIfAbsent(List.copyOf(texts), embedder::embedPassages);
        }
    }
}
