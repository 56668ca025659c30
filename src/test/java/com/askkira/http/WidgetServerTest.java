package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the server sends for the website: the pages, the widget, their CSP, and CORS for the API. */
class WidgetServerTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ALLOWED = "https://clinic.example";
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        app = new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        new ObjectMapper(),
                        new KiraServer.Options(0, List.of()))
                .create(config -> WebAssets.register(
                        config, Path.of("web"), WebAssets.parseOrigins(ALLOWED + ", https://other.example/")))
                .start(0);
        base = "http://localhost:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET();
    }

    private static HttpRequest.Builder postJson(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void should_serve_the_demo_page_at_the_root_with_a_strict_policy() throws Exception {
        HttpResponse<String> page = send(get("/"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(page.body())
                .contains("<script src=\"/kira-widget.js\" defer></script>")
                .contains("id=\"can-my-employer-access-my-therapy-records\"")
                .doesNotContain(" style=")
                .doesNotContain("<style")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    }

    @Test
    void should_serve_the_widget_as_javascript_under_30_kb_gzipped() throws Exception {
        HttpResponse<byte[]> widget =
                CLIENT.send(get("/kira-widget.js").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(widget.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(widget.body()).isEqualTo(Files.readAllBytes(Path.of("web", "kira-widget.js")));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(widget.body());
        }
        System.out.printf("kira-widget.js: %d bytes, %d bytes gzipped%n", widget.body().length, gz.size());
        assertThat(gz.size()).isLessThanOrEqualTo(30 * 1024);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/articles/confidentiality-in-therapy",
                "/sources/tarasoff-v-regents",
                "/sources/hipaa-privacy-rule"
            })
    void should_serve_each_library_page_at_its_citation_url(String path) throws Exception {
        HttpResponse<String> page = send(get(path));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.body()).contains("<link rel=\"canonical\" href=\"" + path + "\">");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sources/no-such-source", "/sources/..%2Fkira-widget", "/articles/Confidentiality"})
    void should_answer_unknown_pages_with_the_contract_error(String path) throws Exception {
        HttpResponse<String> page = send(get(path));

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("\"not_found\"");
    }

    @Test
    void should_answer_a_preflight_from_an_allowed_origin() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(base + "/v1/answers/stream"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(ALLOWED);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(h -> assertThat(h.toLowerCase()).contains("content-type"));
    }

    @Test
    void should_give_no_cors_grant_to_an_origin_not_listed() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(base + "/v1/answers"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        HttpResponse<String> answer = send(postJson("/v1/answers", "{\"question\": \"What is Tarasoff?\"}")
                .header("Origin", "https://evil.example"));

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .isEmpty();
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void should_grant_an_allowed_origin_its_answers_and_the_retry_after_header() throws Exception {
        HttpResponse<String> answer = send(
                postJson("/v1/answers", "{\"question\": \"What is Tarasoff?\"}").header("Origin", ALLOWED));
        HttpResponse<String> other = send(postJson("/v1/answers", "{\"question\": \"What is Tarasoff?\"}")
                .header("Origin", "https://other.example"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(answer.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Retry-After");
        assertThat(answer.headers().allValues("Vary"))
                .anySatisfy(v -> assertThat(v).contains("Origin"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://other.example");
    }

    @Test
    void should_keep_the_api_errors_of_the_contract() throws Exception {
        assertThat(send(get("/v1/nothing-here")).statusCode()).isEqualTo(404);
        assertThat(send(get("/v1/answers")).statusCode()).isEqualTo(405);
        assertThat(send(get("/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_an_origin_that_is_not_an_origin() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebAssets.parseOrigins("https://site.example/path"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KIRA_ALLOWED_ORIGINS");
        assertThat(WebAssets.parseOrigins(" https://A.example/ ,, http://localhost:8080"))
                .containsExactly("https://a.example", "http://localhost:8080");
        assertThat(WebAssets.parseOrigins(null)).isEmpty();
    }
}
