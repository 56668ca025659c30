package com.askkira.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A library the content team broke says which file, which line (where one is to blame) and why,
 * as an {@link InvalidDocumentException}: never an I/O error, never silently accepted.
 */
class LibraryValidationTest {
    /** The documented limit (README, Library): 256 KB. */
    private static final int LIMIT = 256 * 1024;

    private static final String GOOD = """
            ---
            title: "Good"
            slug: good
            url: /articles/good
            type: article
            lastUpdated: 2026-01-02
            reviewedBy: Test Team
            ---
            # Good

            A sentence that stands alone.
            """;

    @TempDir
    Path corpus;

    private Library library;

    @BeforeEach
    void goodDocument() throws IOException {
        Files.writeString(corpus.resolve("good.md"), GOOD);
        library = new Library(corpus, new MarkdownDocumentParser());
    }

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                Arguments.of(
                        "a colon in an unquoted value",
                        GOOD.replace("url: /articles/good", "url: /articles: good")
                                .replace("slug: good", "slug: bad"),
                        "line 4",
                        "front matter"),
                Arguments.of(
                        "a date that is not a date",
                        GOOD.replace("2026-01-02", "yesterday").replace("slug: good", "slug: bad"),
                        "line 6",
                        "lastUpdated"),
                Arguments.of(
                        "a slug with capitals",
                        GOOD.replace("slug: good", "slug: Bad_Slug"),
                        "line 3",
                        "slug must be lower-case"),
                Arguments.of(
                        "front matter never closed",
                        GOOD.replace("---\n# Good", "# Good").replace("slug: good", "slug: bad"),
                        "line 1",
                        "not closed"),
                Arguments.of("an empty file", "", "bad.md", "empty"),
                Arguments.of("only blank lines", "\n \n\n", "bad.md", "empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void should_name_the_file_the_line_and_the_reason(String why, String text, String where, String reason)
            throws IOException {
        Files.writeString(corpus.resolve("bad.md"), text);

        assertThatThrownBy(library::documents)
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("bad.md")
                .hasMessageContaining(where)
                .hasMessageContaining(reason);
    }

    @Test
    void should_refuse_a_binary_file_and_say_where_it_stops_being_text() throws IOException {
        byte[] head = "---\ntitle: x\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 4];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xFF;
        bytes[head.length + 1] = (byte) 0xD8;
        Files.write(corpus.resolve("photo.md"), bytes);

        assertThatThrownBy(library::documents)
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("photo.md")
                .hasMessageContaining("line 3")
                .hasMessageContaining("not UTF-8 text");
    }

    @Test
    void should_refuse_a_text_file_with_nul_characters() throws IOException {
        Files.writeString(corpus.resolve("nul.md"), GOOD.replace("slug: good", "slug: nul") + "\0\0\0");

        assertThatThrownBy(library::documents)
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("nul.md")
                .hasMessageContaining("line 12")
                .hasMessageContaining("NUL");
    }

    @Test
    void should_refuse_a_folder_named_like_a_document() throws IOException {
        Files.createDirectory(corpus.resolve("drafts.md"));

        assertThatThrownBy(library::documents)
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("drafts.md")
                .hasMessageContaining("folder");
        assertThatThrownBy(library::fingerprint)
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("drafts.md");
    }

    @Test
    void should_refuse_two_documents_with_one_slug() throws IOException {
        Files.writeString(corpus.resolve("good-copy.md"), GOOD.replace("# Good", "# Good again"));

        assertThatThrownBy(library::documents)
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("good-copy.md")
                .hasMessageContaining("line 3")
                .hasMessageContaining("slug 'good'")
                .hasMessageContaining("good.md");
    }

    @Test
    void should_refuse_a_document_over_the_size_limit_before_reading_it() throws IOException {
        String sentence = "A sentence that stands alone and says one thing about confidentiality.\n\n";
        String body = sentence.repeat(LIMIT / sentence.length() + 1);
        Files.writeString(corpus.resolve("huge.md"), GOOD.replace("slug: good", "slug: huge") + body);

        assertThatThrownBy(library::documents)
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("huge.md")
                .hasMessageContaining("256 KB");
    }

    @Test
    void should_read_a_document_just_under_the_size_limit() throws IOException {
        String sentence = "A sentence that stands alone and says one thing about confidentiality.\n\n";
        String head = GOOD.replace("slug: good", "slug: large");
        String body = sentence.repeat((LIMIT - head.length()) / sentence.length());
        Files.writeString(corpus.resolve("large.md"), head + body);

        assertThat(library.documents()).hasSize(2);
    }
}
