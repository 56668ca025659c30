package com.askkira.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortListsTest {
    private final Chunker chunker = new Chunker(new SentenceSplitter());

    private List<Chunk> chunksOf(String file) throws IOException {
        return chunker.chunk(new MarkdownDocumentParser().parse(Files.readString(Path.of("corpus", file))));
    }

    private static Chunk chunkWith(List<Chunk> chunks, String text) {
        return chunks.stream().filter(c -> c.text().contains(text)).findFirst().orElseThrow();
    }

    private static int indexOf(Chunk chunk, String sentence) {
        for (int i = 0; i < chunk.sentences().size(); i++) {
            if (chunk.sentences().get(i).text().equals(sentence)) {
                return i;
            }
        }
        throw new AssertionError("no sentence " + sentence);
    }

    private static List<String> texts(Chunk chunk, List<Integer> indexes) {
        return indexes.stream().map(i -> chunk.sentences().get(i).text()).toList();
    }

    @Test
    void should_find_the_whole_list_from_its_lead_in_or_any_of_its_items() throws IOException {
        List<Chunk> chunks = chunksOf("tarasoff-v-regents.md");
        String leadIn = "Outside California, the rules that followed Tarasoff differ from state to state:";
        List<String> whole = List.of(
                leadIn,
                "Some states make a duty to warn or protect mandatory.",
                "Some states only permit a clinician to disclose, without requiring it.",
                "A few states have no such rule.");
        Chunk chunk = chunkWith(chunks, leadIn);

        for (String member : whole) {
            assertThat(texts(chunk, ShortLists.around(chunk, indexOf(chunk, member))))
                    .as(member)
                    .containsExactlyElementsOf(whole);
        }
        for (int i = 0; i < chunk.sentences().size(); i++) {
            if (!whole.contains(chunk.sentences().get(i).text())) {
                assertThat(ShortLists.around(chunk, i)).isEmpty();
            }
        }
    }

    @Test
    void should_leave_lists_whose_items_are_paragraphs_to_be_quoted_item_by_item() throws IOException {
        List<Chunk> chunks = chunksOf("confidentiality-in-therapy.md");
        Chunk chunk = chunkWith(chunks, "A court order issued by a judge can compel disclosure");

        for (int i = 0; i < chunk.sentences().size(); i++) {
            assertThat(ShortLists.around(chunk, i)).isEmpty();
        }
    }
}
