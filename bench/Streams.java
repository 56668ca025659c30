import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many long streams at once (issue 11: "1,000 concurrent /v1/answers/stream requests against a
 * WireMock model that takes 2 s all complete, heap ≤ 512 MB"). Starts WireMock as an
 * OpenAI-compatible model whose streamed reply (and plain reply) takes {@code --model-ms} to
 * arrive, starts Kira from a jar with {@code -Xmx512m} pointed at it (KIRA_MODEL_PROVIDER=openai),
 * sends {@code --streams} requests at once and prints how many ended in a {@code done} event, how
 * long that took, the model calls WireMock saw, and the server's heap: the peak in use before any
 * collection (from its own {@code -Xlog:gc}, so nothing is missed between samples and no sampling
 * JVM competes for the CPU) and {@code jcmd PID GC.heap_info} right after the burst; also its peak
 * resident memory and thread count from /proc.
 *
 * <p>Usage (bench/streams.sh does this): {@code java -cp wiremock-standalone.jar bench/Streams.java
 * --jar target/ask-kira.jar --index DIR [--streams 1000] [--model-ms 2000] [--xmx 512m] [--show-first y]};
 * {@code --show-first} prints the first stream's events, to see what the model's answer became.
 */
public class Streams {
    private static final String QUESTION = "Can my employer see my therapy records?";
    // The library's own sentences, cited to the passage retrieval ranks first for the question, so
    // the guardrail releases them and no redraft doubles the model calls (the report counts them).
    private static final String REPLY = "In most circumstances, no [1]. Your employer cannot access your therapy records"
            + " without your written consent [1].";
    private static final Pattern DONE = Pattern.compile("(?m)^event:\\s*done\\s*$");
    private static final Pattern ERROR_EVENT = Pattern.compile("(?m)^event:\\s*error\\s*$");
    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern DEGRADED = Pattern.compile("\"degraded\"\\s*:\\s*true");
    private static final Pattern VERDICT = Pattern.compile("\"verdict\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    // -Xlog:gc: "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(512M) 4.2ms"
    private static final Pattern GC_LINE = Pattern.compile("(?m)^\\[([0-9.]+)s\\].*?(\\d+)M->\\d+M\\(\\d+M\\)");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path jar = Path.of(opts.getOrDefault("jar", "target/ask-kira.jar"));
        Path index = Path.of(opts.getOrDefault("index", "index"));
        int streams = Integer.parseInt(opts.getOrDefault("streams", "1000"));
        int modelMs = Integer.parseInt(opts.getOrDefault("model-ms", "2000"));
        String xmx = opts.getOrDefault("xmx", "512m");

        // One Jetty thread per open model stream: WireMock sleeps between the chunks it dribbles.
        WireMockServer model = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .containerThreads(streams + 100)
                .jettyAcceptQueueSize(streams + 100)
                .disableRequestJournal());
        model.start();
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matching("(?s).*\"stream\"\\s*:\\s*true.*"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(sseReply(REPLY))
                        .withChunkedDribbleDelay(20, modelMs)));
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(completion(REPLY))
                        .withFixedDelay(modelMs)));
        AtomicLong modelCalls = new AtomicLong();
        model.addMockServiceRequestListener((request, response) -> modelCalls.incrementAndGet());

        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("kira-streams", ".log");
        Path gcLog = Files.createTempFile("kira-streams-gc", ".log");
        ProcessBuilder pb = new ProcessBuilder(
                        javaBin(),
                        "-Xmx" + xmx,
                        "-Xlog:gc:file=" + gcLog,
                        "--enable-native-access=ALL-UNNAMED",
                        "--add-modules",
                        "jdk.incubator.vector",
                        "-jar",
                        jar.toString(),
                        "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("KIRA_PORT", Integer.toString(port));
        env.put("KIRA_HOST", "127.0.0.1");
        env.put("KIRA_INDEX_DIR", index.toString());
        env.put("KIRA_RATE_LIMIT_PER_MIN", "0");
        env.put("KIRA_MODEL_PROVIDER", "openai");
        env.put("KIRA_MODEL_BASE_URL", model.baseUrl() + "/v1");
        env.put("KIRA_MODEL_TIMEOUT_MS", Integer.toString(Math.max(30_000, modelMs * 5)));
        Process kira = pb.start();
        boolean keepLog = true;
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            waitForHealth(base, kira, log);
            System.out.printf(
                    "Kira %s (-Xmx%s, pid %d) against a WireMock OpenAI model taking %d ms a reply%n",
                    jar, xmx, kira.pid(), modelMs);
            // One stream first, so the report's figures are the 1,000 and not the first request's warm-up.
            Result first = send(
                            HttpClient.newBuilder()
                                    .version(HttpClient.Version.HTTP_1_1)
                                    .build(),
                            base,
                            0)
                    .get(60, TimeUnit.SECONDS);
            System.out.printf(
                    "one stream alone: %s in %.0f ms, model %s%n",
                    first.done() ? "done" : "NOT done (" + first.problem() + ")", first.ms(), first.model());
            if (opts.containsKey("show-first")) {
                System.out.println(first.body());
            }
            modelCalls.set(0);

            Sampler sampler = new Sampler(kira.pid());
            sampler.start();
            // Ten clients share the connections: the client's selectors are not what limits 1,000 streams.
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                clients.add(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(60))
                        .build());
            }
            double burstUptime = java.time.Duration.between(
                                    kira.info().startInstant().orElseThrow(), java.time.Instant.now())
                            .toMillis()
                    / 1000.0;
            long t0 = System.nanoTime();
            List<CompletableFuture<Result>> futures = new ArrayList<>();
            for (int i = 1; i <= streams; i++) {
                futures.add(send(clients.get(i % clients.size()), base, i));
            }
            List<Result> results = new ArrayList<>();
            for (CompletableFuture<Result> f : futures) {
                results.add(f.get(10, TimeUnit.MINUTES));
            }
            double wallMs = (System.nanoTime() - t0) / 1e6;
            long heapAfter = heapUsedNowMb(kira.pid());
            sampler.stop = true;
            sampler.join();

            long done = results.stream().filter(Result::done).count();
            double[] ms = results.stream().filter(Result::done).mapToDouble(Result::ms).sorted().toArray();
            Map<String, Integer> problems = new TreeMap<>();
            Map<String, Integer> models = new TreeMap<>();
            results.forEach(r -> {
                if (!r.done()) {
                    problems.merge(r.problem(), 1, Integer::sum);
                } else {
                    models.merge(r.model() + (r.degraded() ? " (degraded)" : "") + ", verdict " + r.verdict(), 1, Integer::sum);
                }
            });
            System.out.printf("%d concurrent POST /v1/answers/stream: %d of %d ended with a done event%n", streams, done, streams);
            if (!problems.isEmpty()) {
                System.out.println("  not done: " + problems);
            }
            System.out.println("  answers: " + models);
            System.out.printf(
                    "  all finished in %.0f ms (from the first send); per stream p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    wallMs, pct(ms, 50), pct(ms, 99), ms.length == 0 ? Double.NaN : ms[ms.length - 1]);
            System.out.printf("  model calls WireMock answered: %d (a redraft is a second call)%n", modelCalls.get());
            System.out.printf(
                    "  server heap: %s (%d MB with start-up; its -Xlog:gc), %d MB in use after the burst"
                            + " (jcmd GC.heap_info), limit -Xmx%s; peak RSS %d MB, peak threads %d; alive after: %s;"
                            + " OutOfMemoryError in its log: %s%n",
                    peakHeapMb(gcLog, burstUptime) == 0
                            ? "no collection during the burst"
                            : "peak " + peakHeapMb(gcLog, burstUptime) + " MB in use before a collection during the burst",
                    peakHeapMb(gcLog, 0),
                    heapAfter,
                    xmx,
                    sampler.peakRssKb / 1024,
                    sampler.peakThreads,
                    kira.isAlive(),
                    Files.readString(log).contains("OutOfMemoryError"));
            // Kira's own word for connections it dropped because their request headers came too late.
            Matcher closed = Pattern.compile("closed (\\d+) connection\\(s\\) whose request headers")
                    .matcher(Files.readString(log));
            int dropped = 0;
            while (closed.find()) {
                dropped += Integer.parseInt(closed.group(1));
            }
            if (dropped > 0) {
                System.out.printf("  the server closed %d connections whose request headers it had not read in time%n", dropped);
            }
            keepLog = done < streams || !kira.isAlive();
            System.out.printf(
                    "  check: %s%n", keepLog ? "target not met" : "all completed within the heap limit");
        } finally {
            kira.destroy();
            if (!kira.waitFor(10, TimeUnit.SECONDS)) {
                kira.destroyForcibly();
            }
            model.stop();
            if (keepLog) {
                System.out.println("  Kira's log: " + log + ", its GC log: " + gcLog);
            } else {
                Files.delete(log);
                Files.delete(gcLog);
            }
        }
        System.exit(0);
    }

    record Result(boolean done, double ms, String problem, String model, boolean degraded, String verdict, String body) {}

    static CompletableFuture<Result> send(HttpClient client, URI base, int n) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/answers/stream"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                // Unique bodies, as in the load benchmark.
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"Question " + n + ": " + QUESTION + "\"}"))
                .build();
        long t0 = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            double ms = (System.nanoTime() - t0) / 1e6;
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
                return new Result(
                        false,
                        ms,
                        cause.getClass().getSimpleName() + message.substring(0, Math.min(message.length(), 70)),
                        "",
                        false,
                        "",
                        "");
            }
            String body = response.body();
            if (response.statusCode() != 200) {
                return new Result(false, ms, "HTTP " + response.statusCode(), "", false, "", "");
            }
            if (!DONE.matcher(body).find()) {
                return new Result(false, ms, ERROR_EVENT.matcher(body).find() ? "error event" : "no done event", "", false, "", "");
            }
            return new Result(true, ms, "", find(MODEL, body), DEGRADED.matcher(body).find(), find(VERDICT, body), body);
        });
    }

    /** Peak resident memory and threads of the server from /proc, sampled every 100 ms until stopped. */
    static final class Sampler extends Thread {
        private final long pid;
        volatile boolean stop;
        long peakRssKb;
        long peakThreads;

        Sampler(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            do {
                try {
                    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                        if (line.startsWith("VmRSS:")) {
                            peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("\\D", "")));
                        } else if (line.startsWith("Threads:")) {
                            peakThreads = Math.max(peakThreads, Long.parseLong(line.replaceAll("\\D", "")));
                        }
                    }
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            } while (!stop);
        }
    }

    /**
     * The most heap in use before any collection from {@code fromUptime} seconds of the server's life
     * on, from its own GC log (every collection is logged, "[12.345s][info][gc] ... 120M->31M(512M)").
     */
    static long peakHeapMb(Path gcLog, double fromUptime) throws Exception {
        long peak = 0;
        Matcher m = GC_LINE.matcher(Files.readString(gcLog));
        while (m.find()) {
            if (Double.parseDouble(m.group(1)) >= fromUptime) {
                peak = Math.max(peak, Long.parseLong(m.group(2)));
            }
        }
        return peak;
    }

    /** What {@code jcmd PID GC.heap_info} says is in use now, in MB. */
    static long heapUsedNowMb(long pid) throws Exception {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(pid),
                        "GC.heap_info")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher used = USED.matcher(out);
        return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
    }

    private static void waitForHealth(URI base, Process kira, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!kira.isAlive()) {
                throw new IllegalStateException("Kira stopped while starting:\n" + Files.readString(log));
            }
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Kira not ready after 3 minutes:\n" + Files.readString(log));
    }

    /** OpenAI's streamed chat completion for {@code text}, a word a chunk, as its server sends it. */
    static String sseReply(String text) {
        StringBuilder out = new StringBuilder();
        out.append(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        for (String word : text.split("(?<= )")) {
            out.append(chunk("{\"content\":\"" + word.replace("\"", "\\\"") + "\"}", "null"));
        }
        out.append(chunk("{}", "\"stop\""));
        return out.append("data: [DONE]\n\n").toString();
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    static String completion(String text) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1764000000,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\""
                + text.replace("\"", "\\\"") + "\"}}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":10,"
                + "\"total_tokens\":20}}";
    }

    private static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
