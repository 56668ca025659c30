package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Time from pressing Send to the first sentence on screen, in the browser, against a real server
 * in offline mode: the median of 20 questions after two warm-up ones. Printed for the record.
 */
class WidgetLatencyTest {
    private static final List<String> QUESTIONS = List.of(
            "Can my employer see my therapy records?",
            "Can a subpoena force my therapist to hand over my notes?",
            "What is the duty to warn?",
            "Is group therapy confidential?",
            "Can my parents see what I tell my therapist?",
            "Is telehealth private?",
            "What happens if my therapist breaks confidentiality?",
            "Are emails with my therapist confidential?",
            "What is the difference between privilege and confidentiality?",
            "Does paying out of pocket keep my records private?");

    /** Presses Send, then resolves with the ms until the first streamed sentence is painted. */
    private static final String MEASURE = """
            const [question, done] = arguments;
            const root = document.querySelector('kira-widget').shadowRoot;
            const box = root.querySelector('textarea');
            const observer = new MutationObserver(() => {
              const answer = root.querySelector('.msg:last-child .answer');
              if (answer && answer.textContent.trim()) {
                observer.disconnect();
                requestAnimationFrame(() => done(performance.now() - start));
              }
            });
            observer.observe(root.querySelector('.log'), {childList: true, subtree: true});
            box.value = question;
            const start = performance.now();
            root.querySelector('button.send').click();""";

    @Test
    void should_show_the_first_sentence_soon_after_send() {
        WidgetBrowser.assumeInstalled();
        Javalin app = new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        new ObjectMapper(),
                        new KiraServer.Options(0, List.of()))
                .create(config -> WebAssets.register(config, Path.of("web"), List.of()))
                .start(0);
        try (WidgetBrowser browser = WidgetBrowser.start()) {
            browser.open("http://localhost:" + app.port() + "/");
            browser.openPanel();
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 22; i++) {
                browser.find("button.new").click();
                double ms = ((Number) browser.jsAsync(MEASURE, QUESTIONS.get(i % QUESTIONS.size()))).doubleValue();
                browser.awaitAnswer(1);
                if (i >= 2) {
                    times.add(ms);
                }
            }
            List<Double> sorted = times.stream().sorted().toList();
            double median = (sorted.get(9) + sorted.get(10)) / 2;
            System.out.printf(
                    "Send to first sentence shown, offline mode, %d runs: median %.1f ms, min %.1f, p90 %.1f, max %.1f%n",
                    sorted.size(), median, sorted.getFirst(), sorted.get(17), sorted.getLast());
            assertThat(median).isLessThan(2_000);
        } finally {
            app.stop();
        }
    }
}
