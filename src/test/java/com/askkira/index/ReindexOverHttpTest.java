package com.askkira.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.config.KiraConfig;
import com.askkira.http.KiraServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POST /v1/admin/reindex over a library someone broke: 422 with the file, the line and the reason,
 * never a bare 500; the index in service keeps answering, and a mended library re-indexes.
 */
class ReindexOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ADMIN_KEY = "test-admin-key";
    private static final String TINY = "src/test/resources/corpus-tiny/tiny-article.md";

    @TempDir
    static Path corpus;

    @TempDir
    static Path indexDir;

    private static Kira kira;
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Files.copy(Path.of(TINY), corpus.resolve("tiny-article.md"));
        TestKira.storeStartupVectorsIn(indexDir);
        kira = Kira.start(
                KiraConfig.fromEnvironment(Map.of(
                        "KIRA_CORPUS_DIR", corpus.toString(),
                        "KIRA_INDEX_DIR", indexDir.toString())),
                new PrintStream(PrintStream.nullOutputStream()));
        app = new KiraServer(
                        kira.answers(),
                        kira.grounding(),
                        kira.admin(),
                        JSON,
                        new KiraServer.Options(0, List.of(ADMIN_KEY)))
                .create()
                .start(0);
        base = "http://localhost:" + app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        kira.close();
    }

    /** Leaves the library as it began: the tiny article alone. */
    @AfterEach
    void mend() throws IOException {
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("tiny-article.md"))
                    .toList()) {
                Files.delete(f);
            }
        }
    }

    static Stream<Arguments> brokenLibraries() {
        return Stream.of(
                Arguments.of(
                        "broken front matter",
                        "broken.md",
                        tiny().replace("slug: tiny-article", "slug: broken")
                                .replace("url: /articles/tiny-article", "url: /articles: broken"),
                        4,
                        "front matter"),
                Arguments.of("an empty file", "empty.md", "", 0, "empty"),
                Arguments.of(
                        "a duplicate slug",
                        "tiny-copy.md",
                        tiny().replace("# Tiny Article", "# Tiny Copy"),
                        3,
                        "slug 'tiny-article' is already used by tiny-article.md"),
                Arguments.of(
                        "a document over the size limit",
                        "huge.md",
                        tiny().replace("slug: tiny-article", "slug: huge") + "A sentence.\n\n".repeat(300 * 1024 / 13),
                        0,
                        "256 KB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLibraries")
    void should_refuse_a_broken_library_with_422_naming_file_line_and_reason(
            String why, String file, String text, int line, String reason) throws Exception {
        Files.writeString(corpus.resolve(file), text);

        assertInvalidDocument(reindex(), file, line, reason);
        assertStillAnswers();
    }

    @Test
    void should_refuse_a_binary_file_with_422() throws Exception {
        Files.write(corpus.resolve("photo.md"), new byte[] {'-', '-', '-', '\n', (byte) 0xFF, (byte) 0xD8, 0, 1});

        assertInvalidDocument(reindex(), "photo.md", 2, "not UTF-8 text");
        assertStillAnswers();
    }

    @Test
    void should_refuse_a_folder_named_like_a_document_with_422() throws Exception {
        Files.createDirectory(corpus.resolve("drafts.md"));

        assertInvalidDocument(reindex(), "drafts.md", 0, "folder");
        assertStillAnswers();
    }

    @Test
    void should_reindex_a_mended_library() throws Exception {
        Files.writeString(corpus.resolve("second.md"), tiny().replace("slug: tiny-article", "slug: second"));

        HttpResponse<String> response = reindex();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("documents").asInt()).isEqualTo(2);
    }

    private static void assertInvalidDocument(HttpResponse<String> response, String file, int line, String reason)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_document");
        assertThat(error.get("file").asText()).isEqualTo(file);
        if (line > 0) {
            assertThat(error.get("line").asInt()).isEqualTo(line);
            assertThat(error.get("message").asText()).contains(file + ", line " + line);
        } else {
            assertThat(error.has("line")).isFalse();
        }
        assertThat(error.get("message").asText()).contains(file).contains(reason);
    }

    private static void assertStillAnswers() throws Exception {
        HttpResponse<String> search = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/search?q="
                                + URLEncoder.encode("boss see my notes", StandardCharsets.UTF_8)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(search.body()).get("results")).isNotEmpty();
    }

    private static HttpResponse<String> reindex() throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/admin/reindex"))
                        .header("X-Api-Key", ADMIN_KEY)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tiny() {
        try {
            return Files.readString(Path.of(TINY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
