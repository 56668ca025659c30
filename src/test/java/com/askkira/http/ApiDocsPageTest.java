package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code GET /docs}: Swagger UI served from the jar, showing {@code /openapi.json} under the widget's
 * Content-Security-Policy, checked over HTTP and in headless Chromium.
 */
class ApiDocsPageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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
                .create()
                .start(0);
        base = "http://localhost:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_serve_the_page_with_the_widgets_policy_and_no_inline_script() throws Exception {
        HttpResponse<String> page = get("/docs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebAssets.CONTENT_SECURITY_POLICY);
        Matcher scripts =
                Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=\"");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isEqualTo(2);
        assertThat(page.body())
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("style=");
    }

    @Test
    void should_serve_swagger_ui_from_the_jar_and_nothing_else_of_the_webjar() throws Exception {
        HttpResponse<String> bundle = get("/docs/swagger-ui/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(get("/docs/swagger-ui/swagger-ui.css").statusCode()).isEqualTo(200);
        assertThat(get("/docs/assets/docs.js").body()).contains("openapi.json");
        // The webjar's own page and initializer point at the petstore on the internet: not served.
        assertThat(get("/docs/swagger-ui/index.html").statusCode()).isEqualTo(404);
        assertThat(get("/docs/swagger-ui/swagger-initializer.js").statusCode()).isEqualTo(404);
    }

    @Test
    void should_render_every_operation_in_a_real_browser_without_a_policy_violation() {
        try (WidgetBrowser browser = WidgetBrowser.start()) {
            browser.driver.get(base + "/docs");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());

            List<String> paths = browser.driver.findElements(By.cssSelector(".opblock-summary-path")).stream()
                    .map(e -> e.getAttribute("data-path"))
                    .toList();
            assertThat(paths).contains("/v1/answers", "/v1/chat/completions", "/v1/models", "/openapi.json");
            // Opened, an operation renders its schemas and highlighted examples too.
            browser.driver
                    .findElement(By.cssSelector("#operations-OpenAI-compatible-createChatCompletion .opblock-summary"))
                    .click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector(".opblock.is-open .responses-table"))
                            .isEmpty());
            assertThat(browser.driver
                            .findElement(By.cssSelector(".opblock.is-open"))
                            .getText())
                    .contains("chat.completion")
                    .contains("invalid_request_error");
            browser.screenshot("api-docs");
            browser.assertNoCspViolations();
        }
    }
}
