import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded load generator for a Kira server on this machine: warm-up, then N answers one at a
 * time (latency), then N answers from C concurrent clients (throughput). Questions come from a
 * golden set, so every request retrieves and composes for real.
 *
 * java bench/LoadGenerator.java [baseUrl] [goldenFile] [requests] [concurrency]
 */
public class LoadGenerator {
    private static final Pattern GUARD = Pattern.compile("\"guard\"\\s*:\\s*([0-9.]+)");
    private static final List<Double> GUARD_MS = java.util.Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:7070";
        Path golden = Path.of(args.length > 1 ? args[1] : "src/test/resources/golden/retrieval-dev.json");
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        if (!base.matches("https?://(localhost|127\\.\\d+\\.\\d+\\.\\d+|\\[::1])(:\\d+)?")) {
            throw new IllegalArgumentException("load is only ever sent to this machine: " + base);
        }
        List<String> questions = questions(golden);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        for (int i = 0; i < 20; i++) {
            ask(client, base, questions.get(i % questions.size()));
        }
        List<Double> latencies = new ArrayList<>();
        GUARD_MS.clear();
        for (int i = 0; i < requests; i++) {
            latencies.add(ask(client, base, questions.get(i % questions.size())));
        }
        report("sequential, " + requests + " answers", latencies, 0);
        report("  of which guardrails (timingsMs.guard)", new ArrayList<>(GUARD_MS), 0);

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Double>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            String q = questions.get((i * 7) % questions.size());
            futures.add(pool.submit(() -> ask(client, base, q)));
        }
        List<Double> concurrent = new ArrayList<>();
        for (Future<Double> f : futures) {
            concurrent.add(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        report(concurrency + " concurrent clients, " + requests + " answers", concurrent, requests / seconds);
    }

    private static double ask(HttpClient client, String base, String question) throws Exception {
        String body = "{\"question\": \"" + question.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/answers"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long t = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        Matcher guard = GUARD.matcher(response.body());
        if (guard.find()) {
            GUARD_MS.add(Double.parseDouble(guard.group(1)));
        }
        return ms;
    }

    private static List<String> questions(Path golden) throws Exception {
        Matcher m = Pattern.compile("\"question\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Files.readString(golden));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }

    private static void report(String label, List<Double> ms, double perSecond) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(
                "%-40s median %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms%s%n",
                label,
                pct(sorted, 50),
                pct(sorted, 90),
                pct(sorted, 99),
                sorted.getLast(),
                perSecond > 0 ? String.format("  %.0f answers/s", perSecond) : "");
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
