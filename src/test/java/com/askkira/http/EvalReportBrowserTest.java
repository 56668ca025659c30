package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.eval.AnswerEvaluator;
import com.askkira.eval.EvalReport;
import com.askkira.eval.GoldenSet;
import com.askkira.eval.RetrievalEvaluator;
import com.askkira.retrieval.RetrievalMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code ask-kira eval}'s report.html, as the command writes it (six golden questions through the
 * real pipeline), opened from disk in headless Chromium: the workbench's charts drawn, and every
 * answer sentence marked.
 */
class EvalReportBrowserTest {
    @TempDir
    Path dir;

    @Test
    void should_write_a_report_with_the_workbenchs_charts_and_every_sentence_marked() throws Exception {
        WidgetBrowser.assumeInstalled();
        GoldenSet all = GoldenSet.read(Path.of("src/test/resources/golden/retrieval-holdout.json"));
        GoldenSet set = new GoldenSet(all.questions().subList(0, 6));
        EvalReport.Answers answers = new AnswerEvaluator(TestKira.shared().answers())
                .run(set.questions(), TestKira.shared().workbench()::checkText);
        EvalReport.write(
                new EvalReport.Run(
                        "six golden questions",
                        "bge-small-en-v1.5",
                        List.of(new RetrievalEvaluator(TestKira.shared().retriever()).score(set, RetrievalMode.HYBRID)),
                        answers),
                dir);

        assertThat(dir.resolve("chart.js")).exists();
        assertThat(dir.resolve("report.js")).exists();
        assertThat(Files.readString(dir.resolve("report.json")))
                .contains("\"answers\"")
                .contains("\"verdict\"");
        try (WidgetBrowser browser = WidgetBrowser.start()) {
            browser.driver.get(dir.resolve("report.html").toUri().toString());
            browser.waitUntil(d -> (Boolean) browser.js("return !!(window.Chart && Chart.getChart('chart-verdicts'))"));
            for (String chart : List.of("chart-pass", "chart-rates", "chart-verdicts")) {
                assertThat(browser.js("return !!Chart.getChart(arguments[0])", chart))
                        .isEqualTo(true);
            }
            List<WebElement> marked = browser.driver.findElements(By.cssSelector("ul.s li .mark"));
            assertThat(marked).isNotEmpty();
            assertThat(marked)
                    .extracting(WebElement::getText)
                    .allSatisfy(t -> assertThat(t).isIn("supported", "unsupported", "overstated"));
            assertThat(browser.driver.findElements(By.cssSelector("td.passed, td.failed")))
                    .hasSize(6);
            browser.screenshot("eval-report");
        }
    }
}
