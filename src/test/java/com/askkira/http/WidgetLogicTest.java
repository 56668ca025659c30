package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The widget's pure functions (SSE framing, citation markers, link and history rules), called in
 * the browser through the {@code window.KiraWidget} hook the script exports. One browser, one
 * page, many fast checks.
 */
class WidgetLogicTest {
    private static Javalin site;
    private static WidgetBrowser browser;

    @BeforeAll
    static void start() {
        WidgetBrowser.assumeInstalled();
        site = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    WebAssets.register(config, Path.of("web"), List.of());
                })
                .start(0);
        browser = WidgetBrowser.start();
        browser.open("http://localhost:" + site.port() + "/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (site != null) {
            site.stop();
        }
    }

    private static Object call(String function, Object... args) {
        return browser.js(
                "const [f, ...a] = arguments; return JSON.parse(JSON.stringify(window.KiraWidget[f](...a)));",
                prepend(function, args));
    }

    private static Object[] prepend(String first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void should_parse_complete_frames_and_keep_the_rest() {
        Map<?, ?> parsed =
                (Map<?, ?>) call("parseSse", "event: delta\ndata: {\"text\":\"A.\"}\n\nevent: done\ndata: {\"id\"");

        assertThat(parsed.get("events")).isEqualTo(List.of(Map.of("event", "delta", "data", "{\"text\":\"A.\"}")));
        assertThat(parsed.get("rest")).isEqualTo("event: done\ndata: {\"id\"");
    }

    @Test
    void should_parse_crlf_comments_multi_line_data_and_the_default_event() {
        Map<?, ?> parsed = (Map<?, ?>)
                call("parseSse", ": keep-alive\r\n\r\ndata: one\r\ndata:two\r\n\r\nevent:error\r\ndata: {}\r\n\r\n");

        assertThat(parsed.get("events"))
                .isEqualTo(List.of(
                        Map.of("event", "message", "data", "one\ntwo"), Map.of("event", "error", "data", "{}")));
        assertThat(parsed.get("rest")).isEqualTo("");
    }

    @Test
    void should_give_the_same_events_however_the_stream_is_cut() {
        String stream =
                "event: delta\r\ndata: {\"text\":\"Ünïcode — fine [1]. \"}\r\n\r\n: note\r\nevent: done\r\ndata: {\"answer\":\"x\"}\r\n\r\n";
        Object whole = call("parseSse", stream);
        for (int cut = 1; cut < stream.length(); cut++) {
            Object pieces = browser.js("""
                    const [s, cut] = arguments; const events = [];
                    let buf = '';
                    for (const part of [s.slice(0, cut), s.slice(cut)]) {
                      const r = window.KiraWidget.parseSse(buf + part); events.push(...r.events); buf = r.rest;
                    }
                    return JSON.parse(JSON.stringify({events, rest: buf}));""", stream, cut);
            assertThat(pieces).as("cut at %d", cut).isEqualTo(whole);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "No [1]. Yes [2].                  | [{\"text\":\"No \"},{\"n\":1},{\"text\":\". Yes \"},{\"n\":2},{\"text\":\".\"}]",
                "Both [1][2]                       | [{\"text\":\"Both \"},{\"n\":1},{\"n\":2}]",
                "A list [1, 3].                    | [{\"text\":\"A list \"},{\"n\":1},{\"n\":3},{\"text\":\".\"}]",
                "[12] first                        | [{\"n\":12},{\"text\":\" first\"}]",
                "Not markers: [a] [] [1 [2x] [1000] | [{\"text\":\"Not markers: [a] [] [1 [2x] [1000]\"}]",
                "<b>[1]</b>                        | [{\"text\":\"<b>\"},{\"n\":1},{\"text\":\"</b>\"}]"
            })
    void should_split_citation_markers_from_text(String text, String expected) {
        Object segments = call("splitMarkers", text.strip());

        assertThat(browser.js("return JSON.stringify(arguments[0])", segments)).isEqualTo(expected.strip());
    }

    @Test
    void should_strip_markers_for_announcements() {
        assertThat(call("plainText", "In most circumstances, no [1]. Your employer cannot [1][2]."))
                .isEqualTo("In most circumstances, no. Your employer cannot.");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "/articles/x#y                  | https://site.example/articles/x#y",
                "https://other.example/a        | https://other.example/a",
                "javascript:alert(1)            | null",
                " JavaScript:alert(1)           | null",
                "data:text/html,<b>x</b>        | null",
                "vbscript:x                     | null"
            })
    void should_link_only_http_urls(String url, String expected) {
        assertThat(call("safeHref", url.strip(), "https://site.example/page")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "tel:988                  | tel:988",
                "sms:741741?body=HOME     | sms:741741?body=HOME",
                "tel:18004224453          | tel:18004224453",
                "https://988lifeline.org  | https://988lifeline.org/",
                "javascript:alert(1)      | null",
                "tel:988\"><img           | null",
                "http://plain.example     | null"
            })
    void should_accept_only_safe_contact_links(String href, String expected) {
        assertThat(call("contactHref", href.strip())).isEqualTo(expected);
    }

    @Test
    void should_send_at_most_twenty_turns_oldest_first_starting_with_a_question() {
        Object history = browser.js("""
                const turns = [];
                for (let i = 0; i < 13; i++) turns.push({role: 'user', content: 'q' + i}, {role: 'assistant', content: 'a' + i, extra: 1});
                return window.KiraWidget.buildHistory(turns);""");

        List<?> list = (List<?>) history;
        assertThat(list).hasSize(20);
        assertThat(list.getFirst()).isEqualTo(Map.of("role", "user", "content", "q3"));
        assertThat(list.getLast()).isEqualTo(Map.of("role", "assistant", "content", "a12"));
        Object odd = browser.js(
                "return window.KiraWidget.buildHistory([{role:'assistant',content:'a'},{role:'user',content:'q'},{role:'assistant',content:'b'}], 20)");
        assertThat((List<?>) odd).hasSize(2);
        assertThat(call("buildHistory", List.of())).isEqualTo(List.of());
    }

    @Test
    void should_show_the_crisis_lines_and_childhelp_only_when_named() {
        List<?> basic = (List<?>) call("crisisLinks", List.of());
        assertThat(basic).hasSize(4);
        List<?> withChild = (List<?>) call(
                "crisisLinks",
                List.of(Map.of("name", "Childhelp National Child Abuse Hotline", "href", "tel:18004224453")));
        assertThat(withChild).hasSize(5);
        assertThat((List<?>) withChild.getLast()).element(1).isEqualTo("tel:18004224453");
    }

    @Test
    void should_word_every_failure_for_a_visitor() {
        for (String kind : List.of(
                "rate_limited",
                "offline",
                "network",
                "bad_request",
                "model_unavailable",
                "internal_error",
                "anything")) {
            String message = (String) call("friendlyError", kind, 0);
            assertThat(message).as(kind).isNotBlank().doesNotContain("_").doesNotContain("{");
        }
        assertThat(call("friendlyError", "rate_limited", 30)).asString().contains("30 seconds");
        assertThat(call("formatDate", "2026-04-09")).isEqualTo("Apr 9, 2026");
        assertThat(call("formatDate", "soon")).isEqualTo("soon");
    }

    @Test
    void should_take_its_endpoint_from_the_script_origin_by_default() {
        assertThat(browser.js("return window.KiraWidget.endpoint")).isEqualTo("http://localhost:" + site.port());
    }
}
