import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load benchmark for a Kira server on this machine (issue 11, "How to measure"). Three phases:
 *
 * <ol>
 *   <li><b>closed</b>: per route, at each connection level, that many clients each send a request,
 *       wait for the answer and send the next, for a fixed time after a warm-up. Prints throughput
 *       and latency percentiles (over 200 responses), and counts of every other outcome.
 *   <li><b>open</b>: {@code POST /v1/answers} at a fixed offered rate, each request sent at its
 *       scheduled time whether or not earlier ones have returned, latency measured from that
 *       scheduled time (so a stalled server cannot hide its stall: no coordinated omission).
 *   <li><b>health</b>: {@code GET /health} probed every 50 ms (also from its scheduled time) while
 *       32 clients keep {@code POST /v1/answers} saturated.
 *   <li><b>sequential</b> (only when asked for): {@code --requests} answers one at a time (bench/scale.sh).
 *   <li><b>aside</b> (only when asked for): how often the aside changes an answer.
 * </ol>
 *
 * Every request body is unique: a golden question with a counter before it, "Question 1234: ..."
 * (or after it as an aside, "... (question 1234)", with {@code --vary suffix}). Measured over the
 * 463 golden questions against the d846128 server, the prefix turned no question into a crisis
 * message (one crisis-flagged question lost its flag) where the suffix flagged three (a number
 * beside "antidepressant" reads like an overdose to the semantic screen); either changes the
 * answer text of about 40 % of questions and the abstention of about 3 % (one more term for
 * retrieval). So crisis and abstained answers are counted in every row: a change in those counts
 * between two servers means they did different work. {@code --phases aside} measures this again.
 * The server must run with {@code KIRA_RATE_LIMIT_PER_MIN=0}; a 429 is reported as such.
 *
 * <p>Usage: {@code java bench/Load.java [--url http://localhost:7070] [--phases closed,open,health (default) or also sequential,aside]
 * [--routes answers,search,stream] [--levels 1,8,32,128] [--warmup 2] [--duration 10]
 * [--rate R] [--requests 200] [--prewarm 30] [--settle 0] [--aside-sample 100] [--health-conns 32] [--health-every-ms 50] [--timeout 60] [--vary prefix|suffix]
 * [--golden src/test/resources/golden]}. Durations are seconds.
 */
public class Load {
    private static final Pattern QUESTION = Pattern.compile("\"question\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CRISIS = Pattern.compile("\"crisis\"\\s*:\\s*true");
    private static final Pattern ABSTAINED = Pattern.compile("\"abstained\"\\s*:\\s*true");
    private static final Pattern TIMINGS = Pattern.compile("\"timingsMs\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern TIMING = Pattern.compile("\"(\\w+)\"\\s*:\\s*([0-9.]+)");
    private static final Pattern DONE_EVENT = Pattern.compile("(?m)^event:\\s*done\\s*$");

    enum Route {
        ANSWERS("POST /v1/answers"),
        SEARCH("GET /v1/search"),
        STREAM("POST /v1/answers/stream"),
        HEALTH("GET /health");

        final String label;

        Route(String label) {
            this.label = label;
        }
    }

    /** Everything one phase measured, merged from every client. */
    static final class Tally {
        long[] nanos = new long[1024];
        int ok;
        int shed;
        int errors;
        int noDone;
        int crisis;
        int abstained;
        final Map<Integer, Integer> otherStatus = new TreeMap<>();
        final Map<String, Integer> errorKinds = new TreeMap<>();
        // The server's own timingsMs per stage: what the answer cost inside, against what the client waited.
        final Map<String, List<Double>> serverMs = new java.util.LinkedHashMap<>();

        synchronized void add(long latencyNanos, HttpResponse<String> response, Throwable error, Route route) {
            if (error != null) {
                errors++;
                Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException
                        ? error.getCause()
                        : error;
                errorKinds.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                return;
            }
            int status = response.statusCode();
            if (status == 503 && response.headers().firstValue("Retry-After").isPresent()) {
                shed++;
                return;
            }
            if (status != 200) {
                otherStatus.merge(status, 1, Integer::sum);
                return;
            }
            String body = response.body();
            if (route == Route.STREAM && !DONE_EVENT.matcher(body).find()) {
                noDone++;
                return;
            }
            if (route == Route.ANSWERS || route == Route.STREAM) {
                crisis += CRISIS.matcher(body).find() ? 1 : 0;
                abstained += ABSTAINED.matcher(body).find() ? 1 : 0;
                Matcher timings = TIMINGS.matcher(body);
                if (timings.find()) {
                    Matcher t = TIMING.matcher(timings.group(1));
                    while (t.find()) {
                        serverMs.computeIfAbsent(t.group(1), k -> new ArrayList<>())
                                .add(Double.parseDouble(t.group(2)));
                    }
                }
            }
            if (ok == nanos.length) {
                nanos = Arrays.copyOf(nanos, ok * 2);
            }
            nanos[ok++] = latencyNanos;
        }

        /** The sum of the latencies: the time a sequential run took. */
        synchronized double totalSeconds() {
            return Arrays.stream(nanos, 0, ok).sum() / 1e9;
        }

        synchronized Summary summary(double seconds) {
            long[] sorted = Arrays.copyOf(nanos, ok);
            Arrays.sort(sorted);
            double mean = ok == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(0) / 1e6;
            return new Summary(
                    ok / seconds,
                    mean,
                    pct(sorted, 50),
                    pct(sorted, 90),
                    pct(sorted, 99),
                    ok == 0 ? Double.NaN : sorted[ok - 1] / 1e6,
                    ok,
                    shed,
                    otherStatus.isEmpty() ? "-" : otherStatus.toString().replace(", ", ",").replace("=", ":"),
                    errors + noDone,
                    crisis,
                    abstained);
        }

        /** "retrieve p50 a / p99 b, ..." over the server's timingsMs, or empty for routes without them. */
        synchronized String serverDetail() {
            List<String> parts = new ArrayList<>();
            serverMs.forEach((stage, values) -> {
                double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                parts.add(String.format(
                        "%s %.1f/%.1f",
                        stage,
                        sorted[(int) Math.ceil(0.5 * sorted.length) - 1],
                        sorted[(int) Math.ceil(0.99 * sorted.length) - 1]));
            });
            return String.join(", ", parts);
        }

        synchronized String errorDetail() {
            List<String> parts = new ArrayList<>();
            errorKinds.forEach((k, v) -> parts.add(k + " x" + v));
            if (noDone > 0) {
                parts.add("stream without a done event x" + noDone);
            }
            return String.join(", ", parts);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
        }
    }

    record Summary(
            double okPerSecond,
            double mean,
            double p50,
            double p90,
            double p99,
            double max,
            int ok,
            int shed,
            String otherStatus,
            int errors,
            int crisis,
            int abstained) {}

    private final URI base;
    private final List<String> questions;
    private final Map<String, String> opts;
    private final Duration timeout;
    private final boolean prefix;
    // Starts somewhere new each run, so a second run against the same server sends new bodies too.
    private final AtomicLong counter = new AtomicLong((System.currentTimeMillis() / 1000 % 9000) * 100);

    Load(URI base, List<String> questions, Map<String, String> opts) {
        this.base = base;
        this.questions = questions;
        this.opts = opts;
        this.timeout = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("timeout", "60")));
        this.prefix = !opts.getOrDefault("vary", "prefix").equals("suffix");
    }

    public static void main(String[] args) throws Exception {
        try {
            start(parse(args));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("Load: " + e.getMessage());
            System.exit(2);
        } catch (java.net.ConnectException e) {
            System.err.println("Load: no server answers there (" + e + "); start it first");
            System.exit(2);
        }
    }

    private static void start(Map<String, String> opts) throws Exception {
        String url = opts.getOrDefault("url", "http://localhost:7070").replaceAll("/+$", "");
        if (!url.matches("http://(localhost|127\\.\\d+\\.\\d+\\.\\d+|\\[::1])(:\\d+)?")) {
            throw new IllegalArgumentException("load is only ever sent to this machine: " + url);
        }
        List<String> questions = questions(Path.of(opts.getOrDefault("golden", "src/test/resources/golden")));
        // A fixed shuffle: a short step then samples every golden set, not only the one that happens to come next.
        java.util.Collections.shuffle(questions, new java.util.Random(11));
        new Load(URI.create(url), questions, opts).run();
    }

    void run() throws Exception {
        HttpClient probe = client();
        HttpResponse<String> health = probe.send(
                HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() != 200) {
            throw new IllegalStateException("server not ready: /health gave " + health.statusCode());
        }
        List<String> phases = list("phases", "closed,open,health");
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "2"));
        int duration = Integer.parseInt(opts.getOrDefault("duration", "10"));
        int prewarm = Integer.parseInt(opts.getOrDefault("prewarm", "30"));
        System.out.printf(
                "Kira load benchmark against %s (/health: %s)%nevery body unique: %d golden questions, each with a"
                        + " counter (%s); %d answers and %d searches first to warm the server up, then"
                        + " per step a warm-up of %d s and %d s measured; client JVM: %d cores%n",
                base,
                health.body(),
                questions.size(),
                prefix ? "\"Question N: ...\"" : "\"... (question N)\"",
                prewarm,
                prewarm,
                warmup,
                duration,
                Runtime.getRuntime().availableProcessors());
        // A server just started runs its first requests in the interpreter: without this, the first
        // level's warm-up (a second or two) would pay for the JIT and it would seem the slowest.
        for (Route route : List.of(Route.ANSWERS, Route.SEARCH)) {
            for (int i = 0; i < prewarm; i++) {
                probe.send(request(route, text()), HttpResponse.BodyHandlers.discarding());
            }
        }
        // A JVM just started spends much of its first minutes of load compiling (on this 2-core machine
        // the JIT took 30 % of the CPU in the first 30 s of answers at 32 connections, 2 % by the fourth),
        // so steady-state figures need answers served unmeasured first: --settle seconds of them.
        int settle = Integer.parseInt(opts.getOrDefault("settle", "0"));
        if (settle > 0) {
            Tally settled = closedLoop(Route.ANSWERS, 32, 0, settle);
            System.out.printf(
                    "settled: %d s of POST /v1/answers at 32 connections first, unmeasured (%.1f answers/s)%n",
                    settle, settled.summary(settle).okPerSecond());
        }
        // The capacity the open loop offers half of: answers/s at 32 connections, or at the first level measured.
        Double capacity = null;
        int capacityFrom = 0;
        if (phases.contains("sequential")) {
            int requests = Integer.parseInt(opts.getOrDefault("requests", "200"));
            System.out.printf("%n== sequential: %d POST /v1/answers one at a time%n", requests);
            header();
            Tally tally = new Tally();
            HttpClient client = client();
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> response = null;
                Exception error = null;
                try {
                    response = client.send(request(Route.ANSWERS, text()), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    error = e;
                }
                tally.add(System.nanoTime() - t0, response, error, Route.ANSWERS);
            }
            Summary s = tally.summary(tally.totalSeconds());
            row("POST /v1/answers", "seq", s, tally, Double.NaN);
        }
        if (phases.contains("closed")) {
            System.out.printf("%n== closed loop (each connection waits for its answer before the next request)%n");
            header();
            for (String r : list("routes", "answers,search")) {
                Route route = Route.valueOf(r.toUpperCase(Locale.ROOT));
                for (String level : list("levels", "1,8,32,128")) {
                    int conns = Integer.parseInt(level);
                    long cpu0 = cpuNanos();
                    Tally tally = closedLoop(route, conns, warmup, duration);
                    Summary s = tally.summary(duration);
                    row(route.label, Integer.toString(conns), s, tally, (cpuNanos() - cpu0) / 1e9 / (warmup + duration));
                    if (route == Route.ANSWERS && (conns == 32 || capacity == null)) {
                        capacity = s.okPerSecond();
                        capacityFrom = conns;
                    }
                }
            }
            System.out.println("  (latency over 200 responses only; shed = 503 with Retry-After; client cpu = this"
                    + " benchmark's own CPU in cores, to show the client is not the bottleneck)");
        }
        if (phases.contains("open")) {
            double rate;
            if (opts.containsKey("rate")) {
                rate = Double.parseDouble(opts.get("rate"));
            } else if (capacity != null && capacity > 0) {
                rate = Math.max(1, Math.round(capacity / 2));
            } else {
                throw new IllegalArgumentException(
                        "the open loop needs --rate, or the closed loop on answers to measure capacity first");
            }
            System.out.printf(
                    "%n== open loop: POST /v1/answers offered at %.0f/s%s, latency from each request's scheduled send"
                            + " time%n",
                    rate,
                    opts.containsKey("rate")
                            ? ""
                            : " (half the closed-loop capacity at " + capacityFrom + " connections)");
            header();
            long cpu0 = cpuNanos();
            OpenResult open = openLoop(rate, warmup, duration);
            Summary s = open.tally().summary(duration);
            row("POST /v1/answers", "open", s, open.tally(), (cpuNanos() - cpu0) / 1e9 / (warmup + duration));
            System.out.printf(
                    "  offered %.1f/s, sent %d in %d s; the sender was at most %.1f ms late on a schedule%n",
                    rate, open.sent(), duration, open.maxLagNanos() / 1e6);
            System.out.printf(
                    "  check: open-loop p99 %.1f ms %s 60 ms%n", s.p99(), s.p99() <= 60 ? "<=" : "> (target not met)");
        }
        if (phases.contains("aside")) {
            asideEffect(Integer.parseInt(opts.getOrDefault("aside-sample", "100")));
        }
        if (phases.contains("health")) {
            int conns = Integer.parseInt(opts.getOrDefault("health-conns", "32"));
            int every = Integer.parseInt(opts.getOrDefault("health-every-ms", "50"));
            System.out.printf(
                    "%n== GET /health every %d ms while %d connections saturate POST /v1/answers%n", every, conns);
            header();
            healthUnderLoad(conns, every, warmup, duration);
        }
    }

    /** {@code conns} clients, one HTTP connection each, in a closed loop; records the measured window only. */
    Tally closedLoop(Route route, int conns, int warmupSeconds, int durationSeconds) throws Exception {
        long recordFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long recordUntil = recordFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
        Tally tally = new Tally();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < conns; i++) {
            // One client per connection: its own connection and selector, so 128 connections are 128 sockets.
            HttpClient client = client();
            workers.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                try (client) {
                    loop(client, route, recordFrom, recordUntil, tally);
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        return tally;
    }

    /** One connection's requests, each sent when the previous one is answered, until the window closes. */
    private void loop(HttpClient client, Route route, long recordFrom, long recordUntil, Tally tally) {
        while (System.nanoTime() < recordUntil) {
            HttpRequest request = request(route, text());
            long t0 = System.nanoTime();
            HttpResponse<String> response = null;
            Throwable error = null;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                error = e;
            }
            long t1 = System.nanoTime();
            if (t1 >= recordFrom && t1 <= recordUntil) {
                tally.add(t1 - t0, response, error, route);
            }
        }
    }

    record OpenResult(Tally tally, int sent, long maxLagNanos) {}

    /** Requests sent on a fixed schedule, never waiting for earlier ones; latency from the scheduled time. */
    OpenResult openLoop(double rate, int warmupSeconds, int durationSeconds) throws Exception {
        HttpClient client = client();
        long interval = (long) (1e9 / rate);
        Tally warm = new Tally();
        Tally tally = new Tally();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime() + 50_000_000L;
        long recordFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = recordFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
        int sent = 0;
        long maxLag = 0;
        for (long intended = start; intended < end; intended += interval) {
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long scheduled = intended;
            boolean measured = scheduled >= recordFrom;
            if (measured) {
                sent++;
                maxLag = Math.max(maxLag, System.nanoTime() - scheduled);
            }
            Tally into = measured ? tally : warm;
            inFlight.add(client.sendAsync(request(Route.ANSWERS, text()), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> into.add(System.nanoTime() - scheduled, response, error, Route.ANSWERS)));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .get(timeout.toSeconds() + 10, TimeUnit.SECONDS);
        client.close();
        return new OpenResult(tally, sent, maxLag);
    }

    /** /health on a fixed schedule (async, from the scheduled time) while a closed loop saturates answers. */
    void healthUnderLoad(int conns, int everyMs, int warmupSeconds, int durationSeconds) throws Exception {
        Tally[] answers = new Tally[1];
        long cpu0 = cpuNanos();
        Thread load = Thread.ofPlatform().start(() -> {
            try {
                answers[0] = closedLoop(Route.ANSWERS, conns, warmupSeconds, durationSeconds);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        HttpClient client = client();
        HttpRequest health = request(Route.HEALTH, "");
        Tally probes = new Tally();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long interval = TimeUnit.MILLISECONDS.toNanos(everyMs);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(durationSeconds);
        for (long intended = start; intended < end; intended += interval) {
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long scheduled = intended;
            inFlight.add(client.sendAsync(health, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> probes.add(System.nanoTime() - scheduled, response, error, Route.HEALTH)));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .get(timeout.toSeconds() + 10, TimeUnit.SECONDS);
        client.close();
        load.join();
        double cores = (cpuNanos() - cpu0) / 1e9 / (warmupSeconds + durationSeconds);
        Summary a = answers[0].summary(durationSeconds);
        row("POST /v1/answers", Integer.toString(conns), a, answers[0], cores);
        Summary h = probes.summary(durationSeconds);
        row("GET /health", "probe", h, probes, Double.NaN);
        System.out.printf(
                "  /health while answers saturate: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d probes (check: p99 %s"
                        + " 20 ms)%n",
                h.p50(), h.p99(), h.max(), h.ok(), h.p99() <= 20 ? "<=" : "> (target not met)");
    }

    /**
     * What the aside does to answers: the first {@code sample} golden questions asked once as
     * written and once with the aside, one at a time. Counts those whose crisis flag, abstention or
     * answer text differ, so a reader of the numbers knows the unique bodies are (nearly) the same work.
     */
    void asideEffect(int sample) throws Exception {
        HttpClient client = client();
        Pattern answer = Pattern.compile("\"answer\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        int n = Math.min(sample, questions.size());
        int crisis = 0;
        int abstained = 0;
        int text = 0;
        for (int i = 0; i < n; i++) {
            String plain = client.send(request(Route.ANSWERS, questions.get(i)), HttpResponse.BodyHandlers.ofString())
                    .body();
            String varied = client.send(
                            request(Route.ANSWERS, varied(questions.get(i), counter.incrementAndGet())),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            crisis += CRISIS.matcher(plain).find() != CRISIS.matcher(varied).find() ? 1 : 0;
            abstained += ABSTAINED.matcher(plain).find() != ABSTAINED.matcher(varied).find() ? 1 : 0;
            Matcher a = answer.matcher(plain);
            Matcher b = answer.matcher(varied);
            text += a.find() && b.find() && a.group(1).equals(b.group(1)) ? 0 : 1;
        }
        System.out.printf(
                "%n== the aside's effect on %d golden questions (asked as written, then with the aside)%n"
                        + "  crisis flag differs: %d; abstained differs: %d; answer text differs: %d%n",
                n, crisis, abstained, text);
    }

    private static void header() {
        System.out.printf(
                "%-24s %5s %8s %8s %8s %8s %8s %8s %6s %6s %5s %-10s %6s %6s %6s %s%n",
                "route", "conns", "ok/s", "mean", "p50", "p90", "p99", "max", "p99/mn", "ok", "shed", "non-200",
                "errors", "crisis", "abst", "client cpu");
        System.out.printf("%-24s %5s %8s %8s %8s %8s %8s %8s%n", "", "", "", "ms", "ms", "ms", "ms", "ms");
    }

    private static void row(String route, String conns, Summary s, Tally tally, double clientCores) {
        System.out.printf(
                "%-24s %5s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %6.2f %6d %5d %-10s %6d %6d %6d %s%n",
                route,
                conns,
                s.okPerSecond(),
                s.mean(),
                s.p50(),
                s.p90(),
                s.p99(),
                s.max(),
                s.p99() / s.mean(),
                s.ok(),
                s.shed(),
                s.otherStatus(),
                s.errors(),
                s.crisis(),
                s.abstained(),
                Double.isNaN(clientCores) ? "" : String.format("%.2f", clientCores));
        String server = tally.serverDetail();
        if (!server.isEmpty()) {
            System.out.println("    server timingsMs p50/p99: " + server);
        }
        String detail = tally.errorDetail();
        if (!detail.isEmpty()) {
            System.out.println("    errors: " + detail);
        }
        if (s.otherStatus().contains("429")) {
            System.out.println("    429s: start the server with KIRA_RATE_LIMIT_PER_MIN=0");
        }
        if (conns.equals("32") && !route.startsWith("GET /health")) {
            System.out.printf(
                    "    check %s @32: p99 %.1f ms %s 2 x mean %.1f ms%n",
                    route, s.p99(), s.p99() <= 2 * s.mean() ? "<=" : "> (target not met)", 2 * s.mean());
        }
    }

    /** The next unique question: a golden question in turn, with this request's number as an aside. */
    String text() {
        long n = counter.incrementAndGet();
        return varied(questions.get((int) (n % questions.size())), n);
    }

    private String varied(String question, long n) {
        return prefix ? "Question " + n + ": " + question : question + " (question " + n + ")";
    }

    HttpRequest request(Route route, String text) {
        return switch (route) {
            case SEARCH -> HttpRequest.newBuilder(
                            base.resolve("/v1/search?k=5&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                    .timeout(timeout)
                    .GET()
                    .build();
            case HEALTH -> HttpRequest.newBuilder(base.resolve("/health")).timeout(timeout).build();
            case ANSWERS, STREAM -> HttpRequest.newBuilder(
                            base.resolve(route == Route.ANSWERS ? "/v1/answers" : "/v1/answers/stream"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": " + json(text) + "}"))
                    .build();
        };
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** Every "question" of every golden set (answerable, not covered and out of scope alike). */
    static List<String> questions(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Matcher m = QUESTION.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(unescape(m.group(1)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no questions in " + dir);
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    private List<String> list(String key, String fallback) {
        return Arrays.stream(opts.getOrDefault(key, fallback).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("usage: java bench/Load.java [--url http://localhost:7070]"
                        + " [--phases closed,open,health,sequential,aside] [--routes answers,search,stream] [--levels 1,8,32,128]"
                        + " [--warmup 2] [--duration 10] [--rate R] [--requests 200] [--prewarm 30] [--settle 0] [--aside-sample 100] [--health-conns 32] [--health-every-ms 50]"
                        + " [--timeout 60] [--vary prefix|suffix] [--golden src/test/resources/golden]");
                System.exit(0);
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a + " (try --help)");
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                out.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                out.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return out;
    }
}
