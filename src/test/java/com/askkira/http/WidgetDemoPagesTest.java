package com.askkira.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.corpus.Chunk;
import com.askkira.corpus.Chunker;
import com.askkira.corpus.Library;
import com.askkira.corpus.LibraryDocument;
import com.askkira.corpus.MarkdownDocumentParser;
import com.askkira.corpus.SentenceSplitter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The static demo site in web/ matches the corpus, so every citation url lands on a heading. */
class WidgetDemoPagesTest {
    private static final Path CORPUS = Path.of("corpus");
    private static final Path WEB = Path.of("web");

    @Test
    void should_keep_the_committed_pages_in_step_with_the_corpus() throws Exception {
        for (Map.Entry<String, String> page : WidgetDemoPages.render(CORPUS).entrySet()) {
            Path file = WEB.resolve(page.getKey());
            assertThat(file)
                    .as("%s is missing: run WidgetDemoPages (see its Javadoc)", file)
                    .exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("%s is out of date: run WidgetDemoPages (see its Javadoc)", file)
                    .isEqualTo(page.getValue());
        }
    }

    @Test
    void should_give_every_citation_url_a_heading_with_its_anchor() throws Exception {
        Chunker chunker = new Chunker(new SentenceSplitter());
        for (LibraryDocument document : new Library(CORPUS, new MarkdownDocumentParser()).documents()) {
            for (Chunk chunk : chunker.chunk(document)) {
                String[] url = chunk.url().split("#", 2);
                String kind = url[0].startsWith("/articles/") ? "articles" : "sources";
                Path page = WEB.resolve(kind).resolve(url[0].substring(url[0].lastIndexOf('/') + 1) + ".html");
                assertThat(Files.readString(page, StandardCharsets.UTF_8))
                        .as(chunk.url())
                        .contains(" id=\"" + url[1] + "\"");
            }
        }
    }

    @Test
    void should_carry_no_inline_script_or_style_for_the_policy_to_allow() throws Exception {
        for (String page : WidgetDemoPages.render(CORPUS).values()) {
            assertThat(page)
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain(" style=")
                    .doesNotContain("<style")
                    .doesNotContainPattern(" on[a-z]+=")
                    .contains("<script src=\"/kira-widget.js\" defer></script>");
        }
    }
}
