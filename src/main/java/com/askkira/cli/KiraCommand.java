package com.askkira.cli;

import com.askkira.Kira;
import com.askkira.answer.ChatModels;
import com.askkira.config.InvalidConfigException;
import com.askkira.config.KiraConfig;
import com.askkira.corpus.Chunker;
import com.askkira.corpus.Library;
import com.askkira.corpus.MarkdownDocumentParser;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.eval.AnswerEvaluator;
import com.askkira.eval.EvalReport;
import com.askkira.eval.EvaluationSummary;
import com.askkira.eval.GoldenSet;
import com.askkira.eval.RetrievalEvaluator;
import com.askkira.eval.RetrievalScore;
import com.askkira.http.KiraServer;
import com.askkira.http.Operations;
import com.askkira.http.ServerPort;
import com.askkira.http.WebAssets;
import com.askkira.index.IndexBuilder;
import com.askkira.mcp.KiraMcp;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.SearchResult;
import com.askkira.retrieval.RetrievalMode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code java -jar ask-kira.jar COMMAND}. Configuration comes from KIRA_* environment variables. */
@Command(
        name = "ask-kira",
        mixinStandardHelpOptions = true,
        version = "Ask Kira " + KiraCommand.VERSION,
        description = "Grounded, cited answers from the Ask Kira library. Configure with KIRA_* environment variables.",
        subcommands = {
            KiraCommand.Serve.class,
            KiraCommand.Index.class,
            KiraCommand.Ask.class,
            KiraCommand.Search.class,
            KiraCommand.Mcp.class,
            KiraCommand.Eval.class
        })
public final class KiraCommand implements Runnable {
    static final String VERSION = "0.1";

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description = "Start the HTTP API (builds the index first when it is missing or stale).")
    static final class Serve implements Callable<Integer> {
        /**
         * Every setting is checked, and the port claimed, before any index or model work: a mistake
         * is reported in a second with the configuration exit code (2), not after an index build.
         */
        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            KiraConfig config = KiraConfig.fromEnvironment();
            checkSettings(config);
            try (ServerPort port = ServerPort.bind(config.host(), config.port());
                    Kira kira = Kira.start(config, System.out)) {
                KiraServer server = new KiraServer(
                        kira.answers(),
                        kira.grounding(),
                        kira.admin(),
                        new ObjectMapper(),
                        new KiraServer.Options(config.rateLimitPerMinute(), config.apiKeys(), port.loopbackOnly()),
                        new Operations(
                                kira::readiness,
                                kira.metrics(),
                                Optional.of(
                                        gate -> new KiraMcp(kira.answers(), kira.library(), new ObjectMapper(), VERSION)
                                                .servlet(KiraServer.MCP_PATH, config.allowedOrigins(), gate))));
                var app = server.create(port, cfg -> WebAssets.register(cfg, config.webDir(), config.allowedOrigins()))
                        .start();
                System.out.printf(
                        "Kira is answering on http://%s:%d (model: %s), ready in %d ms.%n",
                        config.host().map(Serve::urlHost).orElse("localhost"),
                        app.port(),
                        kira.modelName(),
                        (System.nanoTime() - start) / 1_000_000);
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    app.stop();
                    stopped.countDown();
                }));
                stopped.await();
            }
            return 0;
        }

        /** What Kira.start would find only later, checked now; builds no index, loads no model, calls no server. */
        static void checkSettings(KiraConfig config) {
            if (!EmbeddingModels.NAMES.contains(config.embeddingModel())) {
                throw new InvalidConfigException("KIRA_EMBEDDING_MODEL must be one of " + EmbeddingModels.NAMES
                        + ", was '" + config.embeddingModel() + "'");
            }
            if (!Files.isDirectory(config.corpusDir())) {
                throw new InvalidConfigException(
                        "KIRA_CORPUS_DIR " + config.corpusDir().toAbsolutePath() + " is not a folder");
            }
            if (config.modelProvider() != KiraConfig.ModelProvider.OFFLINE) {
                // Checks KIRA_MODEL_BASE_URL and KIRA_MODEL_API_KEY; the client it builds opens no connection.
                ChatModels.create(config);
            }
        }

        private static String urlHost(String host) {
            return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        }
    }

    @Command(name = "index", mixinStandardHelpOptions = true, description = "Build index/ from corpus/.")
    static final class Index implements Callable<Integer> {
        @Override
        public Integer call() {
            KiraConfig config = KiraConfig.fromEnvironment();
            Library library = new Library(config.corpusDir(), new MarkdownDocumentParser());
            Embedder embedder = Kira.embedder(config);
            IndexBuilder builder = new IndexBuilder(new Chunker(new SentenceSplitter()), embedder);
            IndexBuilder.BuildReport report = builder.build(library, config.indexDir());
            Kira.storeStartupVectors(config, embedder);
            System.out.printf(
                    "Indexed %d documents as %d chunks into %s in %d ms.%n",
                    report.documents(), report.chunks(), config.indexDir(), report.millis());
            return 0;
        }
    }

    @Command(name = "ask", mixinStandardHelpOptions = true, description = "Answer one question, with numbered sources.")
    static final class Ask implements Callable<Integer> {
        @Parameters(index = "0", description = "the question, in quotes")
        String question;

        @Override
        public Integer call() throws Exception {
            try (Kira kira = Kira.start(KiraConfig.fromEnvironment(), System.err)) {
                AnswerPrinter.print(kira.answers().answer(new AnswerRequest(question, List.of())), System.out);
            }
            return 0;
        }
    }

    @Command(
            name = "search",
            mixinStandardHelpOptions = true,
            description = "Show the passages the answerer would see.")
    static final class Search implements Callable<Integer> {
        @Parameters(index = "0", description = "the query, in quotes")
        String query;

        @Option(names = "-k", description = "how many passages (1 to 20, default ${DEFAULT-VALUE})", defaultValue = "5")
        int k;

        @Override
        public Integer call() throws Exception {
            try (Kira kira = Kira.start(KiraConfig.fromEnvironment(), System.err)) {
                int rank = 1;
                for (SearchResult r : kira.answers().search(query, k)) {
                    System.out.printf(
                            "%d. %.3f  %s — %s%n   %s%n   %s%n%n",
                            rank++, r.score(), r.title(), r.section(), r.url(), r.text());
                }
            }
            return 0;
        }
    }

    @Command(
            name = "mcp",
            mixinStandardHelpOptions = true,
            description = "Serve the MCP tools ask_kira and search_library and the library's documents over stdio"
                    + " (JSON-RPC on stdin and stdout; logs on stderr).")
    static final class Mcp implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            // stdout carries the protocol and nothing else: anything printed elsewhere goes to stderr.
            PrintStream protocol = System.out;
            System.setOut(System.err);
            try (Kira kira = Kira.start(KiraConfig.fromEnvironment(), System.err)) {
                CountDownLatch stopped = new CountDownLatch(1);
                // The client closing stdin ends the session, and the command with it.
                InputStream requests = new FilterInputStream(System.in) {
                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int read = super.read(buffer, offset, length);
                        if (read < 0) {
                            stopped.countDown();
                        }
                        return read;
                    }
                };
                McpSyncServer server = new KiraMcp(kira.answers(), kira.library(), new ObjectMapper(), VERSION)
                        .stdio(requests, protocol);
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
                stopped.await();
                server.closeGracefully();
            }
            return 0;
        }
    }

    @Command(
            name = "eval",
            mixinStandardHelpOptions = true,
            description = "Run a golden set through the real retriever and the whole answer path; write report.json and"
                    + " report.html (charts, every answer sentence by sentence).")
    static final class Eval implements Callable<Integer> {
        @Option(
                names = "--golden",
                description = "golden set (default ${DEFAULT-VALUE})",
                defaultValue = "src/test/resources/golden/retrieval-holdout.json")
        Path golden;

        @Option(names = "--out", description = "report folder (default ${DEFAULT-VALUE})", defaultValue = "target/eval")
        Path out;

        @Option(names = "--min-hit3", description = "fail (exit 1) when hybrid hit@3 is below this")
        Double minHit3;

        @Option(names = "--min-mrr", description = "fail (exit 1) when hybrid MRR is below this")
        Double minMrr;

        @Override
        public Integer call() throws Exception {
            KiraConfig config = KiraConfig.fromEnvironment();
            try (Kira kira = Kira.start(config, System.err)) {
                GoldenSet set = GoldenSet.read(golden);
                RetrievalEvaluator evaluator = new RetrievalEvaluator(kira.retriever());
                List<RetrievalScore> scores = new ArrayList<>();
                for (RetrievalMode mode : RetrievalMode.values()) {
                    scores.add(evaluator.score(set, mode));
                    System.out.println(scores.getLast());
                }
                EvalReport.write(
                        new EvalReport.Run(golden.toString(), config.embeddingModel(), scores, answers(kira, set)),
                        out);
                System.out.println("Wrote " + out.resolve("report.html") + " and report.json");
                RetrievalScore hybrid = scores.getLast();
                boolean holds =
                        (minHit3 == null || hybrid.hit3() >= minHit3) && (minMrr == null || hybrid.mrr() >= minMrr);
                if (!holds) {
                    System.out.println("A threshold does not hold.");
                }
                return holds ? 0 : 1;
            }
        }

        /** Every golden question answered through the whole pipeline, and each answer checked sentence by sentence. */
        private static EvalReport.Answers answers(Kira kira, GoldenSet set) {
            EvalReport.Answers answers =
                    new AnswerEvaluator(kira.answers()).run(set.questions(), kira.workbench()::checkText);
            EvaluationSummary summary = answers.summary();
            System.out.printf(
                    "answers n=%d  passed %d  right section cited %.3f  facts stated %.3f%n",
                    summary.questions(), summary.passed(), summary.hitRate(), summary.factsRate());
            return answers;
        }
    }
}
