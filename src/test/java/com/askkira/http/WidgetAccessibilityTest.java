package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/** Keyboard only, screen-reader cues, contrast, reduced motion, and a 320 px touch screen, on a real server. */
class WidgetAccessibilityTest {
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        WidgetBrowser.assumeInstalled();
        app = new KiraServer(
                        TestKira.shared().answers(),
                        TestKira.shared().grounding(),
                        TestKira.shared().admin(),
                        new ObjectMapper(),
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

    private static boolean launcherFocused(WidgetBrowser browser) {
        return (Boolean)
                browser.js(
                        "const w = document.querySelector('kira-widget');"
                                + " return document.activeElement === w && w.shadowRoot.activeElement === w.shadowRoot.querySelector('.launcher');");
    }

    @Test
    void should_work_with_the_keyboard_alone() {
        try (WidgetBrowser browser = WidgetBrowser.start()) {
            browser.open(base + "/");
            Actions keys = new Actions(browser.driver);

            // Tab from the top of the page until the launcher has focus.
            int presses = 0;
            while (!launcherFocused(browser) && presses++ < 100) {
                keys.sendKeys(Keys.TAB).perform();
            }
            assertThat(launcherFocused(browser))
                    .as("the launcher is reachable with Tab")
                    .isTrue();
            assertThat(browser.launcher().getAccessibleName()).contains("Kira");

            keys.sendKeys(Keys.ENTER).perform();
            assertThat(browser.find(".panel").isDisplayed()).isTrue();
            assertThat(browser.launcher().getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(browser.focused().getTagName()).isEqualTo("textarea");

            keys.sendKeys("Can a subpoena force my therapist to hand over my notes?")
                    .sendKeys(Keys.ENTER)
                    .perform();
            browser.awaitAnswer(1);
            assertThat(browser.focused().getTagName())
                    .as("focus stays in the box for the next question")
                    .isEqualTo("textarea");
            browser.waitUntil(
                    d -> browser.find(".live").getAttribute("textContent").startsWith("Kira answered:"));

            // Shift+Tab back into the answer, to a citation marker; Enter leads to its card; Tab to its link.
            presses = 0;
            while (!browser.focused().getAttribute("class").contains("cite") && presses++ < 40) {
                keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            }
            WebElement marker = browser.focused();
            assertThat(marker.getAttribute("class")).contains("cite");
            keys.sendKeys(Keys.ENTER).perform();
            WebElement card = browser.focused();
            assertThat(card.getAttribute("id")).isEqualTo(marker.getAttribute("aria-controls"));
            keys.sendKeys(Keys.TAB).perform();
            assertThat(browser.focused().getTagName()).isEqualTo("a");
            assertThat(browser.focused().getAttribute("href")).contains("#");
            browser.screenshot("widget-keyboard");

            keys.sendKeys(Keys.ESCAPE).perform();
            assertThat(browser.find(".panel").isDisplayed()).isFalse();
            assertThat(launcherFocused(browser))
                    .as("Escape returns focus to the launcher")
                    .isTrue();
            assertThat(browser.launcher().getAttribute("aria-expanded")).isEqualTo("false");

            // Reopened, the conversation is still there.
            keys.sendKeys(Keys.ENTER).perform();
            assertThat(browser.findAll(".kira .feedback")).hasSize(1);
        }
    }

    @Test
    void should_name_every_control_and_meet_aa_contrast() {
        try (WidgetBrowser browser = WidgetBrowser.start()) {
            browser.open(base + "/");
            browser.openPanel();
            browser.ask("Can my therapist tell my family what I talk about?");
            browser.awaitAnswer(1);

            assertThat(browser.find(".panel").getAttribute("role")).isEqualTo("dialog");
            assertThat(browser.find(".panel").getAccessibleName()).isEqualTo("Ask Kira");
            assertThat(browser.input().getAccessibleName()).isNotBlank();
            assertThat(browser.sendButton().getAccessibleName()).isEqualTo("Send");
            assertThat(browser.find("button.new").getAccessibleName()).isEqualTo("New conversation");
            for (WebElement control : browser.findAll("button, a, textarea")) {
                assertThat(control.getAccessibleName())
                        .as(control.getAttribute("outerHTML"))
                        .isNotBlank();
            }

            Map<?, ?> contrast = (Map<?, ?>) browser.js(CONTRAST);
            assertThat(((Number) contrast.get("checked")).intValue()).isGreaterThan(15);
            assertThat((List<?>) contrast.get("low")).as("text below 4.5:1").isEmpty();
        }
    }

    @Test
    void should_fit_a_320_px_touch_screen_without_sideways_scrolling() {
        try (WidgetBrowser browser = WidgetBrowser.start()) {
            browser.driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 320, "height", 640, "deviceScaleFactor", 2, "mobile", true));
            browser.driver.executeCdpCommand(
                    "Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
            browser.open(base + "/");
            assertThat(browser.js("return window.innerWidth")).isEqualTo(320L);
            assertThat(browser.js("return navigator.maxTouchPoints > 0")).isEqualTo(true);
            browser.screenshot("widget-320-closed");

            tap(browser, browser.launcher());
            browser.waitUntil(d -> browser.find(".panel").isDisplayed());
            browser.input().sendKeys("Are text messages and emails with my therapist confidential?");
            tap(browser, browser.sendButton());
            browser.awaitAnswer(1);

            Map<?, ?> panel = (Map<?, ?>) browser.js(
                    "const r = document.querySelector('kira-widget').shadowRoot.querySelector('.panel').getBoundingClientRect();"
                            + " return {left: r.left, right: r.right, width: r.width};");
            assertThat(((Number) panel.get("left")).doubleValue()).isGreaterThanOrEqualTo(0);
            assertThat(((Number) panel.get("right")).doubleValue()).isLessThanOrEqualTo(320);
            assertThat(browser.js("return document.documentElement.scrollWidth"))
                    .isEqualTo(320L);
            assertThat((Boolean) browser.js(
                            "const l = document.querySelector('kira-widget').shadowRoot.querySelector('.log');"
                                    + " return l.scrollWidth <= l.clientWidth;"))
                    .isTrue();
            for (WebElement target :
                    browser.findAll("button.send, button.new, button.close, button.thumb, li.card a")) {
                assertThat(target.getRect().getHeight())
                        .as("touch target %s", target.getAccessibleName())
                        .isGreaterThanOrEqualTo(24);
            }
            assertThat(browser.sendButton().getRect().getHeight()).isGreaterThanOrEqualTo(44);
            browser.screenshot("widget-320-answer");

            // Full screen, the panel is modal: Tab from Send comes back round to its first control.
            assertThat(browser.find(".panel").getAttribute("aria-modal")).isEqualTo("true");
            browser.sendButton().sendKeys(Keys.TAB);
            assertThat(browser.focused().getAttribute("class")).contains("new");

            tap(browser, browser.find("button.close"));
            assertThat(browser.find(".panel").isDisplayed()).isFalse();
            assertThat(browser.js("return document.documentElement.scrollWidth"))
                    .isEqualTo(320L);
        }
    }

    @Test
    void should_drop_its_animations_when_the_visitor_prefers_reduced_motion() {
        String animation =
                "return getComputedStyle(document.querySelector('kira-widget').shadowRoot.querySelector('.panel')).animationName";
        try (WidgetBrowser moving = WidgetBrowser.start()) {
            moving.open(base + "/");
            moving.openPanel();
            assertThat(moving.js(animation)).isEqualTo("kira-in");
        }
        try (WidgetBrowser still = WidgetBrowser.start("--force-prefers-reduced-motion")) {
            still.open(base + "/");
            still.openPanel();
            assertThat(still.js("return matchMedia('(prefers-reduced-motion: reduce)').matches"))
                    .isEqualTo(true);
            assertThat(still.js(animation)).isEqualTo("none");
        }
    }

    private static void tap(WidgetBrowser browser, WebElement target) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        org.openqa.selenium.Rectangle r = target.getRect();
        Sequence tap = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(
                        java.time.Duration.ZERO,
                        PointerInput.Origin.viewport(),
                        r.getX() + r.getWidth() / 2,
                        r.getY() + r.getHeight() / 2))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        browser.driver.perform(List.of(tap));
    }

    /** WCAG 2 contrast of every visible text node's element in the widget against its backdrop. */
    private static final String CONTRAST = """
            const root = document.querySelector('kira-widget').shadowRoot;
            const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
            const backdrop = el => { for (let e = el; e; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
                const c = rgb(getComputedStyle(e).backgroundColor); if (c.length >= 3 && (c.length < 4 || c[3] > 0.9)) return c; }
              return [255, 255, 255]; };
            const seen = new Set(); const low = []; let checked = 0;
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const el = n.parentElement; if (!n.textContent.trim() || seen.has(el)) continue; seen.add(el);
              if (!el.checkVisibility() || el.closest('.sr')) continue;
              checked++; const s = getComputedStyle(el); const fg = rgb(s.color);
              const a = fg.length > 3 ? fg[3] : 1; const bg = backdrop(el);
              const mixed = fg.slice(0, 3).map((v, i) => v * a + bg[i] * (1 - a));
              const l1 = lum(mixed), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              if (ratio < 4.5) low.push({text: n.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100, color: s.color});
            }
            return {low, checked};""";
}
