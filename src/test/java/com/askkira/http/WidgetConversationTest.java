package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
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

/** The widget on the demo page of a real Kira server, in headless Chromium, as a visitor uses it. */
class WidgetConversationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Javalin app;
    private static String base;
    private WidgetBrowser browser;

    @BeforeAll
    static void start() {
        WidgetBrowser.assumeInstalled();
        app = new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        JSON,
                        new KiraServer.Options(0, List.of()))
                .create(config -> WebAssets.register(config, Path.of("web"), List.of()))
                .start(0);
        base = "http://localhost:" + app.port();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @BeforeEach
    void openPage() {
        browser = WidgetBrowser.start();
        browser.open(base + "/");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void should_stream_a_cited_answer_whose_markers_and_cards_lead_to_the_article() {
        browser.openPanel();
        assertThat(browser.find(".notice").getText())
                .contains("library")
                .contains("not a therapist")
                .contains("emergencies");
        // Count the sentences as they arrive, before the final render replaces them.
        browser.js("""
                const log = document.querySelector('kira-widget').shadowRoot.querySelector('.log');
                window.__sentences = 0;
                new MutationObserver(ms => ms.forEach(m => m.addedNodes.forEach(n => {
                  if (n.classList && n.classList.contains('s')) window.__sentences++;
                }))).observe(log, {childList: true, subtree: true});""");

        browser.ask("Can my employer see my therapy records?");

        WebElement answer = browser.awaitAnswer(1);
        assertThat(((Number) browser.js("return window.__sentences")).intValue())
                .isGreaterThanOrEqualTo(2);
        assertThat(answer.findElement(By.cssSelector(".answer")).getText())
                .containsIgnoringCase("employer")
                .doesNotContain("[1]");
        List<WebElement> markers = answer.findElements(By.cssSelector("button.cite"));
        assertThat(markers).isNotEmpty();
        assertThat(markers.getFirst().getAccessibleName()).startsWith("Source 1");
        List<WebElement> cards = answer.findElements(By.cssSelector("li.card"));
        assertThat(cards).isNotEmpty();
        WebElement first = cards.getFirst();
        assertThat(first.getText())
                .contains("Can my employer access my therapy records?")
                .contains("Confidentiality in Therapy")
                .contains("Reviewed by MoodSpan Clinical Team")
                .contains("Updated Apr 9, 2026")
                .containsIgnoringCase("article");
        assertThat(first.findElement(By.cssSelector("blockquote")).getText()).isNotBlank();
        assertThat(browser.find(".live").getAttribute("textContent")).isNotNull();
        browser.screenshot("widget-cited-answer");

        // The marker leads to its card...
        markers.getFirst().click();
        assertThat(browser.focused().getAttribute("id"))
                .isEqualTo(markers.getFirst().getAttribute("aria-controls"));
        // ...and the card to the article's heading, here on the same page.
        WebElement link = first.findElement(By.cssSelector("a"));
        assertThat(link.getAttribute("href"))
                .isEqualTo(base + "/articles/confidentiality-in-therapy#can-my-employer-access-my-therapy-records");
        link.click();
        browser.waitUntil(d ->
                "can-my-employer-access-my-therapy-records".equals(browser.js("return document.activeElement.id")));
        assertThat(browser.js("return location.hash")).isEqualTo("#can-my-employer-access-my-therapy-records");
        browser.screenshot("widget-citation-followed");

        // Every card link opens a real page on the site.
        for (WebElement card : browser.findAll("li.card a")) {
            String href = card.getAttribute("href");
            String path = href.substring(base.length(), href.contains("#") ? href.indexOf('#') : href.length());
            assertThat(browser.js("return fetch(arguments[0]).then(r => r.status)", base + path))
                    .as(href)
                    .isEqualTo(200L);
        }
        browser.assertNoCspViolations();
    }

    @Test
    void should_send_earlier_turns_so_a_follow_up_is_understood() throws Exception {
        browser.recordFetches();
        browser.openPanel();

        browser.ask("Is my video therapy private?");
        browser.awaitAnswer(1);
        browser.ask("Does that include emails?");
        WebElement followUp = browser.awaitAnswer(2);

        assertThat(followUp.findElement(By.cssSelector(".answer")).getText().toLowerCase())
                .contains("email");
        JsonNode second = JSON.readTree((String) browser.sent().get(1).get("body"));
        assertThat(second.get("question").asText()).isEqualTo("Does that include emails?");
        assertThat(second.get("history")).hasSize(2);
        assertThat(second.get("history").get(0).get("role").asText()).isEqualTo("user");
        assertThat(second.get("history").get(0).get("content").asText()).isEqualTo("Is my video therapy private?");
        assertThat(second.get("history").get(1).get("role").asText()).isEqualTo("assistant");
        browser.screenshot("widget-follow-up");

        browser.find("button.new").click();
        assertThat(browser.findAll(".msg")).isEmpty();
        assertThat(browser.find(".notice").isDisplayed()).isTrue();
        browser.ask("Can my therapist tell my family what I say?");
        browser.awaitAnswer(1);
        JsonNode fresh = JSON.readTree((String) browser.sent().get(2).get("body"));
        assertThat(fresh.get("history")).isEmpty();
        assertThat(browser.js("return window.localStorage.length + window.sessionStorage.length"))
                .isEqualTo(0L);
    }

    @Test
    void should_say_kindly_when_the_library_has_no_answer_and_give_the_question_back() {
        browser.openPanel();

        browser.ask("How do I bake bread?");

        WebElement answer = browser.awaitAnswer(1);
        assertThat(answer.getAttribute("class")).contains("abstained");
        assertThat(answer.getText())
                .contains("outside what Kira's library covers")
                .doesNotContain("{")
                .doesNotContain("abstainReason");
        assertThat(answer.findElements(By.cssSelector("button.cite"))).isEmpty();
        assertThat(browser.input().getAttribute("value")).isEqualTo("How do I bake bread?");
        browser.screenshot("widget-abstention");
    }

    @Test
    void should_offer_the_nearest_sections_as_links_when_the_library_does_not_cover_a_question() {
        browser.openPanel();

        browser.ask("What are the side effects of sertraline?");

        WebElement answer = browser.awaitAnswer(1);
        assertThat(answer.getText()).contains("doesn't answer that question yet");
        List<WebElement> links = answer.findElements(By.cssSelector(".related a"));
        assertThat(links).isNotEmpty();
        assertThat(links)
                .allSatisfy(
                        link -> assertThat(link.getAttribute("href")).matches(".*/(articles|sources)/[\\w-]+#[\\w-]+"));
        browser.screenshot("widget-related-reading");
    }

    @Test
    void should_thank_for_feedback_whatever_the_server_says() throws Exception {
        browser.recordFetches();
        browser.openPanel();
        browser.ask("What is Tarasoff?");
        WebElement answer = browser.awaitAnswer(1);

        WebElement up = answer.findElement(By.cssSelector("button.thumb[data-rating=up]"));
        assertThat(up.getAccessibleName()).isEqualTo("Helpful");
        up.click();

        browser.waitUntil(d -> browser.sent().size() == 2);
        Map<String, Object> feedback = browser.sent().get(1);
        assertThat(feedback.get("url")).isEqualTo(base + "/v1/feedback");
        JsonNode body = JSON.readTree((String) feedback.get("body"));
        assertThat(body.get("answerId").asText()).startsWith("ans_");
        assertThat(body.get("rating").asText()).isEqualTo("up");
        assertThat(up.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(answer.getText()).contains("Thanks for your feedback.");
        assertThat(browser.findAll(".error")).isEmpty();
        browser.screenshot("widget-feedback");
    }
}
