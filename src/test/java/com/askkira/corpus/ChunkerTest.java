package com.askkira.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private final MarkdownDocumentParser parser = new MarkdownDocumentParser();
    private final Chunker chunker = new Chunker(new SentenceSplitter());

    private List<Chunk> chunksOf(String resource) throws IOException {
        try (var in = getClass().getResourceAsStream(resource)) {
            return chunker.chunk(parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private List<Chunk> articleChunks() throws IOException {
        String text = Files.readString(Path.of("corpus/confidentiality-in-therapy.md"));
        return chunker.chunk(parser.parse(text));
    }

    @Test
    void should_give_each_faq_question_its_own_section_and_anchor() throws IOException {
        List<Chunk> chunks = chunksOf("/corpus-tiny/tiny-article.md");
        Chunk faq = chunks.stream()
                .filter(c -> c.section().equals("Can my boss see my notes?"))
                .findFirst()
                .orElseThrow();
        assertThat(faq.headingPath()).containsExactly("Frequently Asked Questions", "Can my boss see my notes?");
        assertThat(faq.id()).isEqualTo("tiny-article#can-my-boss-see-my-notes-0");
        assertThat(faq.url()).isEqualTo("/articles/tiny-article#can-my-boss-see-my-notes");
    }

    /** The index and the evaluations read a chunk's section from its id alone. */
    @Test
    void should_read_from_every_chunk_id_the_section_key_the_chunk_gives() throws IOException {
        List<Chunk> chunks = articleChunks();

        assertThat(chunks)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(Chunk.sectionKeyOf(c.id())).isEqualTo(c.sectionKey()));
        assertThat(Chunk.sectionKeyOf("my-article#faq")).as("no chunk number").isEqualTo("my-article#faq");
    }

    @Test
    void should_keep_each_bullet_whole_with_its_bold_lead() throws IOException {
        List<Chunk> chunks = chunksOf("/corpus-tiny/tiny-article.md");
        String bullet = "Court orders: A judge can order records released. A subpoena alone is not enough.";
        assertThat(chunks).anySatisfy(c -> assertThat(c.text()).contains(bullet));
    }

    @Test
    void should_never_let_a_chunk_span_two_headings() throws IOException {
        for (Chunk chunk : articleChunks()) {
            assertThat(chunk.text()).doesNotContain("##");
            assertThat(chunk.id()).startsWith(chunk.docSlug() + "#" + Anchors.of(chunk.section()) + "-");
        }
    }

    @Test
    void should_cut_chunks_only_at_sentence_ends_and_within_the_word_budget() throws IOException {
        for (Chunk chunk : articleChunks()) {
            assertThat(chunk.wordCount()).isLessThanOrEqualTo(Chunker.MAX_WORDS + 60);
            assertThat(chunk.sentences()).isNotEmpty();
            Sentence last = chunk.sentences().getLast();
            assertThat(chunk.text().substring(last.end()).strip()).isEmpty();
            assertThat(last.text()).matches("(?s).*[.?!:)\"”]$");
        }
    }

    @Test
    void should_keep_every_mandatory_exception_bullet_with_its_lead() throws IOException {
        List<Chunk> chunks = articleChunks();
        for (String lead : List.of(
                "Imminent danger to self:",
                "Court orders and valid subpoenas:",
                "Mandatory reporting of child abuse or neglect:",
                "Workers' compensation claims:")) {
            assertThat(chunks)
                    .filteredOn(c -> c.text().contains(lead))
                    .singleElement()
                    .satisfies(c -> {
                        int at = c.text().indexOf(lead);
                        assertThat(at == 0 || c.text().charAt(at - 1) == '\n')
                                .as("lead starts its line")
                                .isTrue();
                    });
        }
    }

    @Test
    void should_give_the_same_ids_on_every_run() throws IOException {
        List<String> first = articleChunks().stream().map(Chunk::id).toList();
        List<String> second = articleChunks().stream().map(Chunk::id).toList();
        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
        assertThat(first)
                .contains(
                        "confidentiality-in-therapy#can-my-employer-access-my-therapy-records-0",
                        "confidentiality-in-therapy#mandatory-exceptions-when-therapists-must-disclose-0");
    }

    @Test
    void should_record_sentence_offsets_that_point_into_the_chunk_text() throws IOException {
        for (Chunk chunk : articleChunks()) {
            for (Sentence s : chunk.sentences()) {
                assertThat(chunk.text().substring(s.start(), s.end())).isEqualTo(s.text());
            }
        }
    }

    @Test
    void should_keep_a_list_of_one_sentence_items_in_one_chunk_with_its_lead_in() throws IOException {
        for (String file :
                List.of("tarasoff-v-regents.md", "42-cfr-part-2.md", "apa-ethics-code.md", "hipaa-privacy-rule.md")) {
            String text = Files.readString(Path.of("corpus", file));
            List<Chunk> chunks = chunker.chunk(parser.parse(text));
            for (String item : text.lines()
                    .filter(l -> l.startsWith("- "))
                    .map(l -> l.substring(2).replace("**", ""))
                    .toList()) {
                String leadIn = leadInOf(text, item);
                assertThat(chunks.stream()
                                .filter(c -> c.text().contains(item) && c.text().contains(leadIn)))
                        .as("%s: '%s' with '%s'", file, item, leadIn)
                        .hasSize(1);
            }
        }
    }

    /** The last sentence of the paragraph before the list that holds {@code item}. */
    private static String leadInOf(String markdown, String item) {
        List<String> lines = markdown.lines().toList();
        int i = 0;
        while (!lines.get(i).replace("**", "").equals("- " + item)) {
            i++;
        }
        while (lines.get(i).startsWith("- ") || lines.get(i).isBlank()) {
            i--;
        }
        String paragraph = lines.get(i);
        return paragraph.substring(paragraph.lastIndexOf(". ") + 1).strip();
    }
}
