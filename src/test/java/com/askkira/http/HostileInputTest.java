package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.LogCapture;
import com.askkira.TestKira;
import com.askkira.pipeline.GroundingService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile client tried against the released jar, each answered as the contract says: control
 * characters, requests Jetty refuses before Javalin sees them, invented API keys, oversized grounding
 * text, clients that reset a stream, and clients that send their headers a byte at a time.
 */
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String CONFIGURED_KEY = "configured-key";
    private static Javalin app;

    @BeforeAll
    static void start() {
        app = server(new KiraServer.Options(0, List.of(CONFIGURED_KEY)));
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static Javalin server(KiraServer.Options options) {
        return new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        JSON,
                        options)
                .create()
                .start(0);
    }

    // Control characters ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/v1/answers        | {\"question\": \"Is therapy \\u0001 confidential?\"}",
                "/v1/answers        | {\"question\": \"Is therapy confidential?\\u0000\"}",
                "/v1/answers        | {\"question\": \"Is therapy \\u007f confidential?\"}",
                "/v1/answers        | {\"question\": \"Is therapy \\u0085 confidential?\"}",
                "/v1/answers        | {\"question\": \"And emails?\", \"history\": [{\"role\": \"user\", \"content\": \"Is telehealth\\u001b[2J private?\"}]}",
                "/v1/answers/stream | {\"question\": \"Is therapy \\u0007 confidential?\"}",
                "/v1/grounding      | {\"answer\": \"\\u0000\"}",
                "/v1/grounding      | {\"answer\": \"Your employer cannot see your records.\\u0008\"}",
                "/v1/grounding      | {\"answer\": \"Your employer cannot see your records.\", \"question\": \"\\u009b31m\"}",
                "/v1/feedback       | {\"answerId\": \"ans_7f3c00aa\", \"rating\": \"down\", \"comment\": \"bad\\u0000answer\"}"
            })
    void should_refuse_control_characters_in_a_body_with_bad_request(String path, String body) throws Exception {
        assertError(post(path, body), 400, "bad_request");
    }

    @ParameterizedTest(name = "q={0}")
    @ValueSource(strings = {"%01", "records%00", "records%7F", "records%C2%85", "%1B%5B2J"})
    void should_refuse_control_characters_in_a_search_with_bad_request(String q) throws Exception {
        assertError(get("/v1/search?q=" + q), 400, "bad_request");
    }

    @Test
    void should_refuse_a_query_string_that_is_not_valid_percent_encoding() throws Exception {
        // Java's own HTTP client will not send this URI, so it goes out byte for byte.
        RawResponse response = raw(app.port(), "GET /v1/search?q=records%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");

        // Javalin drops a value it cannot decode: the client must hear why, not that 'q' is missing.
        assertThat(response.status()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("bad_request");
        assertThat(error.get("message").asText()).contains("percent-encoding");
    }

    @Test
    void should_still_accept_tabs_and_line_breaks() throws Exception {
        HttpResponse<String> answer =
                post("/v1/answers", "{\"question\": \"Can my employer\\tsee my\\r\\ntherapy records?\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).get("citations")).isNotEmpty();

        HttpResponse<String> grounding = post(
                "/v1/grounding",
                "{\"answer\": \"Your employer cannot access your therapy records.\\nHIPAA protects them.\"}");
        assertThat(grounding.statusCode()).isEqualTo(200);
    }

    // Errors Jetty answers before Javalin sees the request ----------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "malformed request line | 400",
                "bad version            | 505",
                "missing host           | 400",
                "bad path encoding      | 400",
                "20 KB URI              | 414",
                "20 KB header           | 431"
            })
    void should_answer_requests_jetty_refuses_with_the_contracts_json_error(String kind, int status) throws Exception {
        String request = switch (kind) {
            case "malformed request line" -> "GET /health HTTP/1.1 and then some\r\nHost: localhost\r\n\r\n";
            case "bad version" -> "GET /health HTTP/7.3\r\nHost: localhost\r\n\r\n";
            case "missing host" -> "GET /health HTTP/1.1\r\n\r\n";
            case "bad path encoding" -> "GET /v1/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n";
            case "20 KB URI" -> "GET /v1/search?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
            case "20 KB header" ->
                "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "a".repeat(20_000) + "\r\n\r\n";
            default -> throw new IllegalArgumentException(kind);
        };

        RawResponse response = raw(app.port(), request);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Exception");
    }

    // Rate limits -------------------------------------------------------------------------------

    @Test
    void should_count_requests_with_invented_api_keys_against_the_client_address() throws Exception {
        Javalin limited = server(new KiraServer.Options(2, List.of(CONFIGURED_KEY)));
        try {
            String url = "http://localhost:" + limited.port() + "/v1/answers";
            assertThat(answer(url, Map.of()).statusCode()).isEqualTo(200);
            assertThat(answer(url, Map.of()).statusCode()).isEqualTo(200);
            assertError(answer(url, Map.of()), 429, "rate_limited");

            for (int i = 0; i < 5; i++) {
                assertError(answer(url, Map.of("Authorization", "Bearer invented-" + i)), 429, "rate_limited");
                assertError(answer(url, Map.of("X-Api-Key", "made-up-" + i)), 429, "rate_limited");
            }

            // A configured key is a client of its own, whichever header carries it.
            assertThat(answer(url, Map.of("Authorization", "Bearer " + CONFIGURED_KEY))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(answer(url, Map.of("X-Api-Key", CONFIGURED_KEY)).statusCode())
                    .isEqualTo(200);
            assertError(answer(url, Map.of("X-Api-Key", CONFIGURED_KEY)), 429, "rate_limited");
        } finally {
            limited.stop();
        }
    }

    @Test
    void should_count_a_client_behind_a_proxy_on_this_machine_by_the_address_the_proxy_forwarded() throws Exception {
        // As `serve` starts Kira with KIRA_HOST=127.0.0.1: only a proxy on this machine can reach it.
        ServerPort port = ServerPort.bind(Optional.of("127.0.0.1"), 0);
        Javalin limited = new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        JSON,
                        new KiraServer.Options(1, List.of(), port.loopbackOnly()))
                .create(port, config -> {})
                .start();
        try {
            String url = "http://127.0.0.1:" + limited.port() + "/v1/answers";
            assertThat(answer(url, Map.of("X-Forwarded-For", "203.0.113.5")).statusCode())
                    .isEqualTo(200);
            assertError(answer(url, Map.of("X-Forwarded-For", "203.0.113.5")), 429, "rate_limited");
            // The proxy appends the address it saw; whatever the client put before it is not believed.
            assertError(answer(url, Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.5")), 429, "rate_limited");
            assertThat(answer(url, Map.of("X-Forwarded-For", "203.0.113.6")).statusCode())
                    .isEqualTo(200);
        } finally {
            limited.stop();
        }
    }

    @Test
    void should_not_believe_forwarded_for_from_this_machine_when_kira_listens_on_every_interface() throws Exception {
        // KIRA_HOST unset: any program on this machine reaches Kira directly, with any header it likes.
        Javalin limited = server(new KiraServer.Options(1, List.of()));
        try {
            String url = "http://localhost:" + limited.port() + "/v1/answers";
            assertThat(answer(url, Map.of("X-Forwarded-For", "203.0.113.7")).statusCode())
                    .isEqualTo(200);
            assertError(answer(url, Map.of("X-Forwarded-For", "203.0.113.8")), 429, "rate_limited");
            assertError(answer(url, Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.9")), 429, "rate_limited");
            assertError(answer(url, Map.of()), 429, "rate_limited");
        } finally {
            limited.stop();
        }
    }

    @Test
    void should_not_believe_forwarded_for_from_a_client_that_is_not_on_this_machine() throws Exception {
        // This machine's own network address: the connection stays local, but the peer is not loopback.
        InetAddress own = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> !i.isVirtual())
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst()
                .orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(own != null, "no network address besides loopback");
        Javalin limited = server(new KiraServer.Options(1, List.of()));
        try {
            String url = "http://" + own.getHostAddress() + ":" + limited.port() + "/v1/answers";
            assertThat(answer(url, Map.of("X-Forwarded-For", "203.0.113.7")).statusCode())
                    .isEqualTo(200);
            assertError(answer(url, Map.of("X-Forwarded-For", "203.0.113.8")), 429, "rate_limited");
        } finally {
            limited.stop();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | /v1/answers                | {\"question\": \"Is therapy confidential?\"}",
                "POST | /v1/answers/stream         | {\"question\": \"Is therapy confidential?\"}",
                "GET  | /v1/search?q=subpoena      | ''",
                "POST | /v1/grounding              | {\"answer\": \"Your employer cannot access your therapy records.\"}",
                "POST | /v1/feedback               | {\"answerId\": \"ans_7f3c00aa\", \"rating\": \"up\"}"
            })
    void should_rate_limit_every_endpoint_that_does_work(String method, String path, String body) throws Exception {
        Javalin limited = server(new KiraServer.Options(1, List.of()));
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create("http://localhost:" + limited.port() + path));
            if (method.equals("POST")) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            }
            // The first is handled (feedback on an id this server never gave is 404), not limited.
            HttpResponse<String> first = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isBetween(200, 404).isNotEqualTo(429);

            HttpResponse<String> second = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertError(second, 429, "rate_limited");
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
        } finally {
            limited.stop();
        }
    }

    // Grounding limits --------------------------------------------------------------------------

    @Test
    void should_refuse_grounding_text_over_the_character_limit_with_payload_too_large() throws Exception {
        String sentence = "Your employer cannot access your therapy records without your written consent. ";
        String answer = sentence.repeat(GroundingService.MAX_ANSWER_CHARS / sentence.length() + 1);

        assertError(post("/v1/grounding", "{\"answer\": \"" + answer + "\"}"), 413, "payload_too_large");
    }

    @Test
    void should_refuse_grounding_text_over_the_sentence_limit_with_payload_too_large() throws Exception {
        String answer = "Yes. ".repeat(GroundingService.MAX_SENTENCES + 1);
        assertThat(answer.length()).isLessThan(GroundingService.MAX_ANSWER_CHARS);

        assertError(post("/v1/grounding", "{\"answer\": \"" + answer + "\"}"), 413, "payload_too_large");
    }

    @Test
    void should_check_grounding_text_at_the_limits() throws Exception {
        String answer = "Yes. ".repeat(GroundingService.MAX_SENTENCES);

        HttpResponse<String> response = post("/v1/grounding", "{\"answer\": \"" + answer + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("sentences")).hasSize(GroundingService.MAX_SENTENCES);
    }

    // Clients that go away, and clients that are slow -------------------------------------------

    @Test
    void should_log_one_info_line_and_no_stack_trace_when_a_client_resets_a_stream() throws Exception {
        String body = "{\"question\": \"Can a subpoena force my therapist to hand over my notes?\"}";
        String request = "POST /v1/answers/stream HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        int resets = 5;
        List<String> lines;
        try (LogCapture log = new LogCapture()) {
            for (int i = 1; i <= resets; i++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
                    socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                    // Long enough for the server to read the request, too short for it to answer.
                    Thread.sleep(5);
                    socket.setSoLinger(true, 0); // close() now sends a reset
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (requestLines(log, "/v1/answers/stream") < i && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            Thread.sleep(200); // anything logged late, after the request's own line
            lines = log.lines();
        }

        // On a busy machine a reset can beat the server to the request (nothing is logged) or the
        // answer can beat the reset (an ordinary 200): what must never appear is anything but INFO.
        String logged = String.join("\n", lines);
        assertThat(logged).doesNotContain("ERROR").doesNotContain("WARN").doesNotContain("stepArray");
        assertThat(lines)
                .as(logged)
                .hasSizeBetween(1, resets)
                .allSatisfy(line -> assertThat(LogCapture.fields(line))
                        .containsEntry("level", "INFO")
                        .containsEntry("route", "/v1/answers/stream")
                        .containsEntry("status", "200"));
        assertThat(lines)
                .as(logged)
                .anySatisfy(line ->
                        assertThat(LogCapture.fields(line)).containsEntry("note", "the client went away mid-stream"));
    }

    private static long requestLines(LogCapture log, String path) {
        return log.lines().stream()
                .filter(l -> l.contains("POST " + path + " "))
                .count();
    }

    @Test
    void should_close_a_connection_whose_headers_arrive_too_slowly() throws Exception {
        Javalin strict = server(new KiraServer.Options(0, List.of(), Duration.ofSeconds(30), Duration.ofMillis(500)));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), strict.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            // A header line every 100 ms: never idle, never finished.
            while (!closed && System.nanoTime() - start < Duration.ofSeconds(8).toNanos()) {
                try {
                    out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(100);
                    closed = socket.getInputStream().available() == 0 && peerClosed(socket);
                } catch (SocketException e) {
                    closed = true;
                }
            }
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertThat(closed).as("closed by the server").isTrue();
            assertThat(millis).isBetween(400L, 3_000L);
        } finally {
            strict.stop();
        }
    }

    @Test
    void should_close_a_connection_that_sends_nothing_after_the_header_timeout() throws Exception {
        Javalin strict = server(new KiraServer.Options(0, List.of(), Duration.ofSeconds(30), Duration.ofMillis(500)));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), strict.port())) {
            socket.setSoTimeout(5_000);
            long start = System.nanoTime();

            int read = socket.getInputStream().read();

            assertThat(read).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isBetween(400L, 3_000L);
        } finally {
            strict.stop();
        }
    }

    @Test
    void should_still_serve_a_client_that_sends_its_headers_in_time() throws Exception {
        Javalin strict = server(new KiraServer.Options(0, List.of(), Duration.ofSeconds(30), Duration.ofMillis(500)));
        try {
            String base = "http://localhost:" + strict.port();
            for (int i = 0; i < 3; i++) {
                // Keep-alive: the pause between requests is the idle timeout's business, not the header timeout's.
                HttpResponse<String> health = CLIENT.send(
                        HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                Thread.sleep(700);
            }
        } finally {
            strict.stop();
        }
    }

    /** Whether the server has closed its end: a read that returns end of stream, without blocking long. */
    private static boolean peerClosed(Socket socket) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(1);
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    // Helpers ------------------------------------------------------------------------------------

    private static HttpResponse<String> answer(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"Is therapy confidential?\"}"));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** A response read off a raw socket: what a client that writes its own bytes receives. */
    private record RawResponse(int status, Map<String, String> headers, String body) {}

    private static RawResponse raw(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(
                        header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).strip());
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).strip(), 16);
                        size > 0;
                        size = Integer.parseInt(line(in).strip(), 16)) {
                    chunks.write(in.readNBytes(size));
                    line(in);
                }
                body = chunks.toByteArray();
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new RawResponse(
                    Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
