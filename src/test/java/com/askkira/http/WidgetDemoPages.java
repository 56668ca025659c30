package com.askkira.http;

import com.askkira.corpus.Anchors;
import com.askkira.corpus.DocumentType;
import com.askkira.corpus.FrontMatter;
import com.askkira.corpus.MarkdownDocumentParser;
import com.askkira.corpus.Reference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the library as the static demo site in {@code web/}: the article at {@code /} (and at its
 * own url), each source at {@code /sources/<slug>}, every heading carrying the anchor that citation
 * urls point at. Run once after the corpus changes:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) com.askkira.http.WidgetDemoPages</pre>
 *
 * ({@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt} writes cp.txt).
 * {@code WidgetDemoPagesTest} fails when the committed pages are out of date.
 */
public final class WidgetDemoPages {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private WidgetDemoPages() {}

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "corpus");
        Path web = Path.of(args.length > 1 ? args[1] : "web");
        for (Map.Entry<String, String> page : render(corpus).entrySet()) {
            Path file = web.resolve(page.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
    }

    /** Every demo page, keyed by its path under web/. */
    static Map<String, String> render(Path corpusDir) {
        MarkdownDocumentParser parser = new MarkdownDocumentParser();
        Map<String, Doc> docs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(corpusDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")
                            && !f.getFileName().toString().equals("README.md"))
                    .sorted()
                    .toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
                FrontMatter meta = parser.parse(source).meta();
                docs.put(meta.slug(), new Doc(meta, source.substring(source.indexOf("\n---\n", 3) + 5)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> pages = new LinkedHashMap<>();
        for (Doc doc : docs.values()) {
            String dir = doc.meta.type() == DocumentType.ARTICLE ? "articles/" : "sources/";
            pages.put(dir + doc.meta.slug() + ".html", page(doc, docs));
        }
        return pages;
    }

    private record Doc(FrontMatter meta, String body) {}

    private static String page(Doc doc, Map<String, Doc> docs) {
        FrontMatter meta = doc.meta;
        Node root = Parser.builder().build().parse(doc.body);
        // Headings get the same anchors the chunker gives citation urls; the reference list is
        // rebuilt from the front matter so each entry links to its source page.
        List<Node> kept = new ArrayList<>();
        boolean inReferences = false;
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                inReferences = heading.getLevel() == 2 && "Sources & References".equals(text(heading));
            }
            if (!inReferences || node instanceof Heading) {
                kept.add(node);
            }
        }
        HtmlRenderer renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Heading heading) {
                        attributes.put("id", Anchors.of(text(heading)));
                    }
                })
                .build();
        StringBuilder body = new StringBuilder();
        for (Node node : kept) {
            body.append(renderer.render(node));
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                body.append("<p class=\"byline\">")
                        .append(meta.type() == DocumentType.ARTICLE ? "Article" : "Source")
                        .append(" · Last updated <time datetime=\"")
                        .append(meta.lastUpdated())
                        .append("\">")
                        .append(DATE.format(meta.lastUpdated()))
                        .append("</time> · Reviewed by ")
                        .append(escape(meta.reviewedBy()))
                        .append("</p>\n");
            }
            if (node instanceof Heading heading && "Sources & References".equals(text(heading))) {
                body.append("<ol class=\"references\">\n");
                for (Reference ref : meta.references()) {
                    Doc source = docs.get(ref.slug());
                    String href = source != null ? source.meta.url() : null;
                    body.append("<li>")
                            .append(
                                    href != null
                                            ? "<a href=\"" + escape(href) + "\">" + escape(ref.citation()) + "</a>"
                                            : escape(ref.citation()))
                            .append("</li>\n");
                }
                body.append("</ol>\n");
            }
        }
        String canonical = meta.url();
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · MoodSpan</title>
                <meta name="description" content="%s">
                <link rel="canonical" href="%s">
                <link rel="stylesheet" href="/site.css">
                <script src="/kira-widget.js" defer></script>
                </head>
                <body>
                <a class="skip" href="#main">Skip to the article</a>
                <header class="site"><a class="brand" href="/">MoodSpan</a><span class="crumb">Library · %s</span></header>
                <div class="layout">
                <main id="main">
                <article>
                %s</article>
                </main>
                <aside class="ask" aria-labelledby="ask-title">
                <h2 id="ask-title">Questions about this page?</h2>
                <p>Ask Kira, the library assistant: the <strong>Ask Kira</strong> button at the bottom right of the page.
                Kira answers only from this library and shows the passages it used, each linked to its heading.</p>
                <p>Kira is not a therapist and not for emergencies. In the U.S., call or text <a href="tel:988">988</a>, or call <a href="tel:911">911</a>.</p>
                <h2>In the library</h2>
                <ul class="library">
                %s</ul>
                </aside>
                </div>
                <footer class="site">Demo site for Ask Kira. Content for information only; not medical or legal advice.</footer>
                </body>
                </html>
                """.formatted(
                        escape(meta.title()),
                        escape(meta.summary() == null ? meta.title() : meta.summary()),
                        escape(canonical),
                        meta.type() == DocumentType.ARTICLE ? "Articles" : "Sources",
                        body,
                        library(docs, meta.slug()));
    }

    private static String library(Map<String, Doc> docs, String current) {
        StringBuilder out = new StringBuilder();
        for (Doc doc : docs.values()) {
            String title = escape(doc.meta.title());
            out.append("<li>")
                    .append(
                            doc.meta.slug().equals(current)
                                    ? "<span aria-current=\"page\">" + title + "</span>"
                                    : "<a href=\"" + escape(doc.meta.url()) + "\">" + title + "</a>")
                    .append(" <span class=\"kind\">")
                    .append(doc.meta.type() == DocumentType.ARTICLE ? "article" : "source")
                    .append("</span>")
                    .append("</li>\n");
        }
        return out.toString();
    }

    private static String text(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                out.append(t.getLiteral());
            } else {
                out.append(text(child));
            }
        }
        return out.toString().strip();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
