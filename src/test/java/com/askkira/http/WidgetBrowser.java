package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, one throw-away profile per
 * browser. Tests that need it call {@link #assumeInstalled()} first, so a machine without Chromium
 * skips them rather than failing.
 */
final class WidgetBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private WidgetBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed: apt-get install -y chromium chromium-driver (.ci/run does)");
    }

    static WidgetBrowser start(String... extraFlags) {
        assumeInstalled();
        try {
            Path profile = Files.createTempDirectory("kira-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            options.addArguments(extraFlags);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new WidgetBrowser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
        waitUntil(
                d -> js(
                        "return !!document.querySelector('kira-widget') && !!document.querySelector('kira-widget').shadowRoot"));
    }

    /** The widget's shadow root, where all its controls live. */
    SearchContext widget() {
        return driver.findElement(By.tagName("kira-widget")).getShadowRoot();
    }

    WebElement find(String css) {
        return widget().findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return widget().findElements(By.cssSelector(css));
    }

    WebElement launcher() {
        return find(".launcher");
    }

    WebElement input() {
        return find("textarea");
    }

    WebElement sendButton() {
        return find("button.send");
    }

    void openPanel() {
        launcher().click();
        waitUntil(d -> find(".panel").isDisplayed());
    }

    /** Types a question and presses Send, as a visitor would. */
    void ask(String question) {
        WebElement box = input();
        box.clear();
        box.sendKeys(question);
        sendButton().click();
    }

    /** Waits for the n-th answer (1-based) to be complete: its feedback buttons appear with the done event. */
    WebElement awaitAnswer(int n) {
        waitUntil(d -> findAll(".kira .feedback").size() >= n);
        return findAll(".kira").stream()
                .filter(e -> !e.getAttribute("class").contains("error"))
                .toList()
                .get(n - 1);
    }

    /** The element focused inside the widget (the shadow root's activeElement), or null. */
    WebElement focused() {
        return (WebElement)
                js("const w = document.querySelector('kira-widget'); return w && w.shadowRoot.activeElement;");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Records every request body the page sends with fetch, for asserting what the widget sent. */
    void recordFetches() {
        js("""
                if (!window.__sent) {
                  window.__sent = [];
                  const real = window.fetch;
                  window.fetch = (url, init) => { window.__sent.push({url: String(url), body: init && init.body}); return real(url, init); };
                }""");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sent() {
        return (List<Map<String, Object>>) js("return window.__sent || [];");
    }

    <T> T waitUntil(Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(RuntimeException.class)
                .until(condition::apply);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails when the page logged a Content-Security-Policy violation. */
    void assertNoCspViolations() {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
        assertThat(violations).isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
