package com.askkira.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MarkdownDocumentParserTest {
    private final MarkdownDocumentParser parser = new MarkdownDocumentParser();

    @Test
    void should_read_front_matter_and_blocks_under_their_headings() {
        LibraryDocument doc = parser.parse("""
                ---
                title: "T"
                slug: t-doc
                url: /articles/t-doc
                type: source
                lastUpdated: 2026-03-04
                reviewedBy: Someone
                ---
                # T

                Intro text.

                ## Section A

                - **Lead:** bullet text.

                ### Sub question?

                Answer.
                """);
        assertThat(doc.meta().type()).isEqualTo(DocumentType.SOURCE);
        assertThat(doc.meta().lastUpdated()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(doc.blocks())
                .extracting(Block::headingPath)
                .containsExactly(
                        java.util.List.of("T"),
                        java.util.List.of("Section A"),
                        java.util.List.of("Section A", "Sub question?"));
        assertThat(doc.blocks().get(1).kind()).isEqualTo(BlockKind.BULLET);
        assertThat(doc.blocks().get(1).text()).isEqualTo("Lead: bullet text.");
    }

    @Test
    void should_reject_a_document_without_front_matter() {
        assertThatThrownBy(() -> parser.parse("# Just a title\n\nText."))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("front matter");
    }

    @Test
    void should_name_the_missing_front_matter_key() {
        assertThatThrownBy(() -> parser.parse(
                        "---\ntitle: T\nslug: t\nurl: /t\ntype: article\nlastUpdated: 2026-01-01\n---\nText."))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("reviewedBy");
    }
}
