package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.askkira.insights.AnswerRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The content team's workbench at /admin on a real Kira server (its own copy of the library, its
 * own SQLite store, a golden set of twelve questions), in headless Chromium, as a writer uses it.
 * Screenshots of each section go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "workbench-test-key";

    @TempDir
    static Path dir;

    private static Kira kira;
    private static Javalin app;
    private static String base;
    private static Path corpus;
    private WidgetBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        WidgetBrowser.assumeInstalled();
        corpus = Files.createDirectories(dir.resolve("corpus"));
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        // Twelve golden questions: enough for a report and a gate, quick enough for a test.
        JsonNode holdout = JSON.readTree(
                Path.of("src/test/resources/golden/retrieval-holdout.json").toFile());
        ObjectNode golden = JSON.createObjectNode();
        ArrayNode questions = golden.putArray("questions");
        for (int i = 0; i < 12; i++) {
            questions.add(holdout.get("questions").get(i));
        }
        Path goldenFile = dir.resolve("golden.json");
        JSON.writeValue(goldenFile.toFile(), golden);
        TestKira.storeStartupVectorsIn(dir.resolve("index"));
        kira = Kira.start(
                KiraConfig.fromEnvironment(Map.of(
                        "KIRA_CORPUS_DIR", corpus.toString(),
                        "KIRA_INDEX_DIR", dir.resolve("index").toString(),
                        "KIRA_DB_URL", "jdbc:sqlite:" + dir.resolve("kira.db"),
                        "KIRA_GOLDEN_FILE", goldenFile.toString(),
                        "KIRA_API_KEYS", KEY)),
                new PrintStream(PrintStream.nullOutputStream()));
        seedInsights();
        app = new KiraServer(
                        kira.answers(), kira.grounding(), kira.admin(), JSON, new KiraServer.Options(0, List.of(KEY)))
                .create(config -> WebAssets.register(config, Path.of("web"), List.of()))
                .start(0);
        base = "http://localhost:" + app.port();
    }

    /** A week of readers: answers, declines of each kind, two crises, a gap asked three ways, two down votes. */
    private static void seedInsights() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int id = 0;
        for (int day = 6; day >= 0; day--) {
            LocalDate date = today.minusDays(day);
            for (int i = 0; i < 3 + day % 3; i++) {
                kira.insights()
                        .answered(new AnswerRecord(
                                date,
                                "ans_seed" + id++,
                                null,
                                false,
                                List.of("Can my employer access my therapy records?"),
                                "can my boss see my records"));
            }
        }
        String[] gap = {
            "how much does a therapy session cost without insurance",
            "what's the going rate for an hour of therapy if i'm not using insurance",
            "How much does one therapy session cost if I pay myself?"
        };
        for (int i = 0; i < gap.length; i++) {
            kira.insights()
                    .answered(new AnswerRecord(
                            today.minusDays(i), "ans_gap" + i, "not_covered", false, List.of(), gap[i]));
        }
        kira.insights()
                .answered(new AnswerRecord(today, "ans_nda", "out_of_scope", false, List.of(), "what is an NDA"));
        kira.insights().answered(new AnswerRecord(today, "ans_dx", "unsafe", false, List.of(), "do i have bipolar"));
        kira.insights().answered(new AnswerRecord(today.minusDays(2), "ans_c1", null, true, List.of(), null));
        kira.insights().answered(new AnswerRecord(today, "ans_c2", null, true, List.of(), null));
        kira.insights().rated("ans_seed1", "down", "It did not say what happens with EAP counselling.");
        kira.insights().rated("ans_gap0", "down", "I needed a price, not a refusal.");
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.stop();
        }
        if (kira != null) {
            kira.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.assertNoCspViolations();
            browser.close();
        }
    }

    private void signIn(String... flags) {
        browser = WidgetBrowser.start(flags);
        browser.driver.get(base + "/admin");
        browser.driver.findElement(By.id("admin-key")).sendKeys(KEY);
        browser.driver.findElement(By.cssSelector("#sign-in-form button")).click();
        browser.waitUntil(d -> d.findElement(By.id("workbench")).isDisplayed());
    }

    private WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    /** A screenshot with the element {@code id} scrolled to the top of the window. */
    private void screenshotAt(String id, String name) {
        browser.js("document.getElementById(arguments[0]).scrollIntoView()", id);
        browser.screenshot(name);
    }

    private void tab(String name) {
        browser.driver
                .findElement(By.cssSelector(".tab[data-section='" + name + "']"))
                .click();
        browser.waitUntil(d -> d.findElement(By.id(name)).isDisplayed());
    }

    @Test
    @Order(1)
    void should_refuse_a_wrong_key_and_sign_in_with_the_admin_key_kept_for_the_tab_only() {
        browser = WidgetBrowser.start();
        browser.driver.get(base + "/admin");
        byId("admin-key").sendKeys("not-the-key");
        browser.driver.findElement(By.cssSelector("#sign-in-form button")).click();
        browser.waitUntil(d -> !d.findElement(By.id("sign-in-error")).getText().isEmpty());
        assertThat(byId("sign-in-error").getText()).isEqualTo("That key was refused.");
        assertThat(byId("workbench").isDisplayed()).isFalse();
        browser.screenshot("admin-sign-in-refused");

        byId("admin-key").clear();
        byId("admin-key").sendKeys(KEY);
        browser.driver.findElement(By.cssSelector("#sign-in-form button")).click();
        browser.waitUntil(d -> d.findElement(By.id("workbench")).isDisplayed());

        assertThat(browser.js("return sessionStorage.getItem('kira.adminKey')")).isEqualTo(KEY);
        assertThat(browser.js("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.js("return document.cookie")).isEqualTo("");
        browser.screenshot("admin-signed-in");
    }

    @Test
    @Order(2)
    void should_check_kiras_answer_sentence_by_sentence_with_the_passage_sentences_behind_each_marker() {
        signIn();
        byId("check-question").sendKeys("Can my employer see my therapy records?");
        browser.driver.findElement(By.cssSelector("#ask-form button")).click();
        browser.waitUntil(
                d -> !d.findElements(By.cssSelector("#check-result .sentence")).isEmpty());

        List<WebElement> sentences = browser.driver.findElements(By.cssSelector("#check-result .sentence"));
        assertThat(sentences).isNotEmpty();
        assertThat(sentences.getFirst().getText()).contains("grounded").contains("citations-valid");
        assertThat(sentences)
                .anySatisfy(s -> assertThat(s.getAttribute("class")).contains("supported"));
        WebElement marker = browser.driver.findElement(By.cssSelector("#check-result .sentence .marker"));
        assertThat(marker.getAttribute("aria-label")).startsWith("Source 1");
        marker.click();
        WebElement passage = browser.waitUntil(d -> d.findElement(By.cssSelector("#check-result .passage")));
        assertThat(passage.getText()).contains("The passage sentences that support it");
        assertThat(passage.findElements(By.tagName("blockquote")))
                .extracting(WebElement::getText)
                .contains("Your employer cannot access your therapy records without your written consent.");
        assertThat(marker.getAttribute("aria-expanded")).isEqualTo("true");
        screenshotAt("check-result", "admin-check-answer");
    }

    @Test
    @Order(3)
    void should_mark_an_overclaim_in_pasted_text_with_the_rule_it_breaks_and_the_nearest_library_sentence() {
        signIn();
        byId("check-text")
                .sendKeys("Confidentiality in therapy has no exceptions. Your employer cannot access your therapy"
                        + " records without your written consent.");
        browser.driver.findElement(By.cssSelector("#text-form button")).click();
        browser.waitUntil(
                d -> d.findElements(By.cssSelector("#check-result .sentence")).size() == 2);

        List<WebElement> sentences = browser.driver.findElements(By.cssSelector("#check-result .sentence"));
        assertThat(sentences.get(0).getAttribute("class")).contains("overstated");
        assertThat(sentences.get(0).getText())
                .contains("! overstated")
                .contains("Breaks absolute confidentiality")
                .contains("Nearest in the library");
        assertThat(sentences.get(1).getAttribute("class")).contains("supported");
        assertThat(sentences
                        .get(1)
                        .findElement(By.cssSelector(".nearest blockquote"))
                        .getText())
                .contains("Your employer cannot access your therapy records without your written consent.");
        screenshotAt("check-result", "admin-check-text-overclaim");
    }

    @Test
    @Order(4)
    void should_chart_what_readers_asked_and_list_gaps_down_votes_and_sections() {
        signIn();
        tab("insights");
        browser.waitUntil(d -> d.findElement(By.id("insights-status")).getText().contains("answers over"));

        for (String chart : List.of("chart-daily", "chart-declines", "chart-crisis")) {
            assertThat(browser.js("return !!Chart.getChart(arguments[0])", chart))
                    .isEqualTo(true);
        }
        assertThat(byId("chart-daily").getAttribute("aria-label"))
                .contains(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(byId("chart-declines").getAttribute("aria-label"))
                .contains("not_covered 3")
                .contains("out_of_scope 1")
                .contains("unsafe 1");
        assertThat(browser.js("return Chart.getChart('chart-crisis').data.datasets[0].data.reduce((a, b) => a + b, 0)"))
                .isEqualTo(2L);
        assertThat(byId("not-covered").getText()).contains("3×").containsIgnoringCase("therapy session cost");
        assertThat(byId("down-voted").getText()).contains("I needed a price, not a refusal.");
        assertThat(byId("most-cited").getText()).contains("Can my employer access my therapy records?");
        assertThat(byId("never-cited").findElements(By.tagName("li"))).isNotEmpty();
        browser.screenshot("admin-insights");
        screenshotAt("not-covered", "admin-insights-lists");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        browser.js(
                "document.getElementById('range-from').value = arguments[0];"
                        + "document.getElementById('range-to').value = arguments[0];",
                today);
        browser.driver
                .findElement(By.cssSelector("#range-form button[type=submit]"))
                .click();
        browser.waitUntil(d -> d.findElement(By.id("insights-status")).getText().contains("over 1 days"));
        assertThat(browser.js("return Chart.getChart('chart-daily').data.labels"))
                .isEqualTo(List.of(today));
    }

    @Test
    @Order(5)
    void should_show_the_library_with_dates_passages_and_citations_on_a_tablet() {
        signIn("--window-size=820,1180");
        tab("library");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#library-table tbody tr"));
        assertThat(rows).hasSize(8);
        assertThat(rows.getFirst().getText()).containsPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat((Boolean) browser.js(
                        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .isTrue();
        browser.screenshot("admin-library-tablet");
    }

    @Test
    @Order(6)
    void should_run_the_golden_set_in_the_background_and_show_the_report_failures_first() {
        signIn();
        tab("evaluation");
        byId("run-eval").click();
        browser.waitUntil(d -> d.findElement(By.id("eval-status")).getText().startsWith("Finished"));

        assertThat(byId("eval-status").getText()).matches("Finished: \\d+ of 12 passed");
        assertThat(browser.js("return document.getElementById('eval-progress').value"))
                .isEqualTo(12L);
        assertThat(browser.js("return !!Chart.getChart('chart-eval-pass')")).isEqualTo(true);
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#eval-table tbody tr"));
        assertThat(rows).hasSize(12);
        List<String> results = rows.stream()
                .map(r -> r.findElement(By.tagName("td")).getText())
                .toList();
        assertThat(results).isSortedAccordingTo((a, b) -> a.equals(b) ? 0 : a.equals("failed") ? -1 : 1);
        assertThat(byId("eval-latency").getText()).startsWith("Latency per answer: median");
        browser.screenshot("admin-evaluation");

        // A second run is compared with the first.
        byId("run-eval").click();
        browser.waitUntil(d -> d.findElement(By.id("eval-diff")).getText().contains("before:"));
        assertThat(byId("eval-diff").getText()).contains("Now failing:");
        browser.js("document.getElementById('eval-diff').parentElement.scrollIntoView()");
        browser.screenshot("admin-evaluation-diff");
    }

    @Test
    @Order(7)
    void should_add_a_checked_question_to_the_golden_set() throws Exception {
        signIn();
        byId("check-question").sendKeys("Can my employer see my therapy records?");
        browser.driver.findElement(By.cssSelector("#ask-form button")).click();
        WebElement add = browser.waitUntil(
                d -> d.findElement(By.xpath("//button[text()='Add this question to the golden set']")));
        add.click();
        browser.waitUntil(d -> d.findElement(By.id("evaluation")).isDisplayed());
        assertThat(byId("golden-question").getAttribute("value")).isEqualTo("Can my employer see my therapy records?");
        byId("golden-facts").sendKeys("without your written consent");
        browser.driver.findElement(By.cssSelector("#golden-form button")).click();
        browser.waitUntil(d -> d.findElement(By.id("golden-status")).getText().startsWith("Added"));
        assertThat(kira.workbench().golden())
                .anySatisfy(q -> assertThat(q.kind()).isEqualTo("added"));
        screenshotAt("golden-form", "admin-golden-added");
    }

    @Test
    @Order(8)
    void should_refuse_a_reindex_that_lets_the_golden_set_fall_and_keep_the_index_in_service() throws Exception {
        Path article = corpus.resolve("confidentiality-in-therapy.md");
        Path aside = dir.resolve("confidentiality-in-therapy.md.aside");
        signIn();
        tab("library");
        Files.move(article, aside, StandardCopyOption.REPLACE_EXISTING);
        try {
            browser.driver.findElement(By.cssSelector("#reindex-form button")).click();
            browser.waitUntil(
                    d -> d.findElement(By.id("reindex-result")).getText().startsWith("Refused"));

            assertThat(byId("reindex-result").getText())
                    .contains("hit@3")
                    .contains("is below 0.90")
                    .contains("The index in service is unchanged");
            screenshotAt("reindex-form", "admin-reindex-refused");
            // The index in service still answers from the article.
            assertThat(kira.answers().search("Can my employer see my therapy records?", 3))
                    .anySatisfy(r -> assertThat(r.chunkId()).startsWith("confidentiality-in-therapy#"));
        } finally {
            Files.move(aside, article, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    @Order(9)
    void should_swap_in_a_new_index_that_holds_the_floors() {
        signIn();
        tab("library");
        byId("min-hit3").clear();
        byId("min-hit3").sendKeys("0.5");
        byId("min-mrr").clear();
        byId("min-mrr").sendKeys("0.5");
        browser.driver.findElement(By.cssSelector("#reindex-form button")).click();
        // Two builds of the library (the candidate aside, then the one in service): longer than the usual wait.
        new WebDriverWait(browser.driver, Duration.ofMinutes(3))
                .until(d -> d.findElement(By.id("reindex-result")).getText().startsWith("Swapped in"));

        assertThat(byId("reindex-result").getText()).contains("hold the thresholds");
        assertThat(kira.answers().search("Can my employer see my therapy records?", 3))
                .anySatisfy(r -> assertThat(r.chunkId()).startsWith("confidentiality-in-therapy#"));
        screenshotAt("reindex-form", "admin-reindex-swapped");
    }
}
