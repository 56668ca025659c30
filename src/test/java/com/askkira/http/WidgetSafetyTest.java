package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The widget against a fake Kira that streams crafted answers: hostile text, a crisis, rate limits,
 * broken streams. The fake serves the demo page too, so the page and the API share an origin and
 * the real Content-Security-Policy applies.
 */
class WidgetSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String INJECTION = "<img src=x onerror=window.__pwned=1>";
    private static Javalin fake;
    private static String base;
    private WidgetBrowser browser;

    @BeforeAll
    static void start() {
        WidgetBrowser.assumeInstalled();
        fake = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.post("/v1/answers/stream", WidgetSafetyTest::stream);
                    WebAssets.register(config, Path.of("web"), List.of());
                })
                .start(0);
        base = "http://localhost:" + fake.port();
    }

    @AfterAll
    static void stop() {
        if (fake != null) {
            fake.stop();
        }
    }

    @BeforeEach
    void openPage() {
        browser = WidgetBrowser.start();
        browser.open(base + "/");
        browser.openPanel();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** The fake: what it streams depends on a word in the question. */
    private static void stream(Context ctx) throws IOException {
        String question = JSON.readTree(ctx.body()).get("question").asText();
        if (question.contains("busy")) {
            ctx.status(429)
                    .header("Retry-After", "2")
                    .json(Map.of("error", Map.of("code", "rate_limited", "message", "Too many questions")));
            return;
        }
        if (question.contains("broken")) {
            ctx.status(500)
                    .contentType("application/json")
                    .result(
                            "{\"error\": {\"code\": \"internal_error\", \"message\": \"java.lang.IllegalStateException: boom\\n\\tat com.askkira.X\"}}");
            return;
        }
        ctx.status(200).contentType("text/event-stream; charset=utf-8");
        OutputStream out = ctx.res().getOutputStream();
        if (question.contains("inject")) {
            send(out, "delta", Map.of("text", "Here is " + INJECTION + " as text [1]. "));
            send(out, "delta", Map.of("text", "And <script>window.__pwned=2</script> too [2]."));
            send(
                    out,
                    "done",
                    response(
                            "Here is " + INJECTION + " as text [1]. And <script>window.__pwned=2</script> too [2].",
                            List.of(
                                    citation(
                                            1,
                                            "<b onmouseover=window.__pwned=4>Section</b>",
                                            "javascript:window.__pwned=3",
                                            INJECTION + " quoted"),
                                    citation(
                                            2,
                                            "Plain section",
                                            "/sources/tarasoff-v-regents#what-happened-in-the-tarasoff-case",
                                            "A <i>quote</i>.")),
                            false,
                            List.of()));
        } else if (question.contains("crisis")) {
            String answer = "If you are thinking about harming yourself, please reach out now: call or text 988 [1].";
            send(out, "delta", Map.of("text", answer));
            send(
                    out,
                    "done",
                    response(
                            answer,
                            List.of(citation(
                                    1,
                                    "Mandatory Exceptions: When Therapists Must Disclose",
                                    "/articles/confidentiality-in-therapy#mandatory-exceptions-when-therapists-must-disclose",
                                    "A quote.")),
                            true,
                            List.of(
                                    Map.of(
                                            "name",
                                            "988 Suicide & Crisis Lifeline",
                                            "contact",
                                            "call or text 988",
                                            "href",
                                            "tel:988",
                                            "when",
                                            "now"),
                                    Map.of(
                                            "name",
                                            "Childhelp National Child Abuse Hotline",
                                            "contact",
                                            "1-800-422-4453",
                                            "href",
                                            "tel:18004224453",
                                            "when",
                                            "child"))));
        } else if (question.contains("error")) {
            send(
                    out,
                    "error",
                    Map.of(
                            "code",
                            "model_unavailable",
                            "message",
                            "{\"raw\": \"java.lang.RuntimeException at Foo.java:1\"}"));
        } else if (question.contains("cut")) {
            send(out, "delta", Map.of("text", "A first sentence. "));
            // ...and the stream ends without its done event.
        } else {
            // A well-formed answer written in odd pieces with CRLF line ends: frames split anywhere.
            String answer = "Therapy is confidential, with limits [1]. Ask your therapist about them [1].";
            String frames = frame("delta", Map.of("text", "Therapy is confidential, with limits [1]. "))
                    + ": a comment line\r\n"
                    + frame("delta", Map.of("text", "Ask your therapist about them [1]."))
                    + frame(
                            "done",
                            response(
                                    answer,
                                    List.of(citation(
                                            1,
                                            "Definition of Confidentiality in Therapy",
                                            "/articles/confidentiality-in-therapy#definition-of-confidentiality-in-therapy",
                                            "Confidentiality in therapy…")),
                                    false,
                                    List.of()));
            byte[] bytes = frames.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += 7) {
                out.write(bytes, i, Math.min(7, bytes.length - i));
                out.flush();
            }
        }
    }

    private static String frame(String event, Object data) {
        try {
            return "event: " + event + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(OutputStream out, String event, Object data) throws IOException {
        out.write(frame(event, data).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Map<String, Object> citation(int n, String section, String url, String quote) {
        return Map.of(
                "n",
                n,
                "chunkId",
                "doc#s-0",
                "title",
                "Title with <em>markup</em>",
                "section",
                section,
                "url",
                url,
                "quote",
                quote,
                "type",
                "source",
                "lastUpdated",
                "2026-11-27",
                "reviewedBy",
                "<u>Reviewer</u>");
    }

    private static Map<String, Object> response(
            String answer, List<Map<String, Object>> citations, boolean crisis, List<Map<String, String>> resources) {
        return Map.of(
                "id",
                "ans_fake",
                "answer",
                answer,
                "citations",
                citations,
                "abstained",
                false,
                "safety",
                Map.of("crisis", crisis, "resources", resources),
                "guardrail",
                Map.of("verdict", "pass", "checks", List.of()),
                "model",
                "fake",
                "degraded",
                false);
    }

    @Test
    void should_show_markup_in_an_answer_as_text_and_run_none_of_it() {
        browser.ask("Please inject something");

        WebElement answer = browser.awaitAnswer(1);

        assertThat(browser.js("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(answer.findElement(By.cssSelector(".answer")).getText())
                .contains(INJECTION)
                .contains("<script>window.__pwned=2</script>");
        assertThat(answer.findElements(By.cssSelector("img, script, b, i, em, u")))
                .isEmpty();
        List<WebElement> cards = answer.findElements(By.cssSelector("li.card"));
        assertThat(cards.getFirst().getText())
                .contains("<b onmouseover=window.__pwned=4>Section</b>")
                .contains(INJECTION + " quoted")
                .contains("Title with <em>markup</em>")
                .contains("Reviewed by <u>Reviewer</u>");
        // A javascript: url never becomes a link.
        assertThat(cards.getFirst().findElements(By.cssSelector("a"))).isEmpty();
        assertThat(cards.get(1).findElement(By.cssSelector("a")).getAttribute("href"))
                .isEqualTo(base + "/sources/tarasoff-v-regents#what-happened-in-the-tarasoff-case");
        new org.openqa.selenium.interactions.Actions(browser.driver)
                .moveToElement(cards.getFirst())
                .perform();
        assertThat(browser.js("return typeof window.__pwned")).isEqualTo("undefined");
        browser.screenshot("widget-html-injection");
        browser.assertNoCspViolations();
    }

    @Test
    void should_keep_a_crisis_banner_with_tap_to_call_and_text_links_above_the_answer() {
        browser.ask("crisis: I don't want to be here anymore");

        WebElement answer = browser.awaitAnswer(1);

        WebElement banner = browser.find(".crisis");
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(banner.getAttribute("role")).isEqualTo("region");
        List<String> hrefs = banner.findElements(By.cssSelector("a")).stream()
                .map(a -> a.getAttribute("href"))
                .toList();
        assertThat(hrefs).containsExactly("tel:988", "sms:988", "tel:911", "sms:741741?body=HOME", "tel:18004224453");
        assertThat(banner.getRect().getY()).isLessThan(answer.getRect().getY());
        browser.screenshot("widget-crisis");

        // It stays: through more questions, and a new conversation.
        browser.ask("What does confidentiality mean?");
        browser.awaitAnswer(2);
        browser.find("button.new").click();
        assertThat(browser.find(".crisis").isDisplayed()).isTrue();
    }

    @Test
    void should_parse_a_stream_split_anywhere_with_crlf_and_comments() {
        browser.ask("What does confidentiality mean?");

        WebElement answer = browser.awaitAnswer(1);

        assertThat(answer.findElement(By.cssSelector(".answer")).getText())
                .isEqualTo("Therapy is confidential, with limits 1. Ask your therapist about them 1.");
        assertThat(answer.findElements(By.cssSelector("button.cite"))).hasSize(2);
    }

    @Test
    void should_ask_to_wait_when_rate_limited_and_keep_the_question() {
        browser.ask("Are you busy?");

        WebElement error = browser.waitUntil(d -> browser.find(".error"));

        assertThat(error.getText())
                .contains("a lot of questions")
                .contains("2 seconds")
                .doesNotContain("rate_limited")
                .doesNotContain("{");
        assertThat(browser.input().getAttribute("value")).isEqualTo("Are you busy?");
        WebElement retry = error.findElement(By.cssSelector("button"));
        assertThat(retry.getText()).isEqualTo("Try again");
        assertThat(retry.isEnabled()).isFalse();
        browser.waitUntil(d -> retry.isEnabled());
        browser.screenshot("widget-rate-limited");
    }

    @Test
    void should_never_show_raw_errors_or_stack_traces() {
        browser.ask("Show me an error");
        WebElement streamed = browser.waitUntil(d -> browser.find(".error"));
        assertThat(streamed.getText())
                .contains("Kira cannot answer right now")
                .doesNotContain("java.lang")
                .doesNotContain("{");

        browser.input().clear();
        browser.find(".error button").click(); // retry the same question: the same error
        browser.input().clear();
        browser.ask("This is broken");
        browser.waitUntil(d -> browser.findAll(".error").size() == 2);
        String all = browser.find(".log").getText();
        assertThat(all)
                .doesNotContain("java.lang")
                .doesNotContain("\tat ")
                .doesNotContain("internal_error")
                .doesNotContain("{");
        assertThat(browser.findAll(".error").getLast().getText()).contains("Something went wrong on our side");
        assertThat(browser.input().getAttribute("value")).isEqualTo("This is broken");
    }

    @Test
    void should_say_when_a_stream_is_cut_off() {
        browser.ask("cut me off");

        WebElement error = browser.waitUntil(d -> browser.find(".error"));

        assertThat(error.getText()).contains("connection to Kira was interrupted");
        assertThat(browser.input().getAttribute("value")).isEqualTo("cut me off");
    }

    @Test
    void should_keep_the_question_offline_and_send_it_once_back_online() {
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.driver.setNetworkConditions(offline);

        browser.ask("What does confidentiality mean?");
        WebElement error = browser.waitUntil(d -> browser.find(".error"));

        assertThat(error.getText()).contains("offline");
        assertThat(browser.input().getAttribute("value")).isEqualTo("What does confidentiality mean?");
        assertThat(browser.find(".user").getText()).contains("Not sent");
        browser.screenshot("widget-offline");

        browser.driver.deleteNetworkConditions();
        error.findElement(By.cssSelector("button")).click();
        WebElement answer = browser.awaitAnswer(1);
        assertThat(answer.getText()).contains("Therapy is confidential");
        assertThat(browser.findAll(".error")).isEmpty();
        assertThat(browser.input().getAttribute("value")).isEmpty();
    }
}
