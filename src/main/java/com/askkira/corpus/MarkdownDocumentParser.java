package com.askkira.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** Reads one library document: YAML front matter between '---' lines, then a CommonMark body. */
public final class MarkdownDocumentParser {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
    private final Parser markdown = Parser.builder().build();

    public LibraryDocument parse(String source) {
        String normalized = source.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new InvalidDocumentException("a library document starts with '---' and its front matter");
        }
        int close = normalized.indexOf("\n---\n", 3);
        if (close < 0) {
            throw new InvalidDocumentException("front matter is not closed by a '---' line");
        }
        FrontMatter meta = frontMatter(normalized.substring(4, close));
        List<Block> blocks = blocks(meta.title(), markdown.parse(normalized.substring(close + 5)));
        if (blocks.isEmpty()) {
            throw new InvalidDocumentException("document '" + meta.slug() + "' has no body text");
        }
        return new LibraryDocument(meta, blocks);
    }

    private FrontMatter frontMatter(String text) {
        try {
            return yaml.readValue(text, FrontMatter.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidDocumentException("front matter: " + rootMessage(e));
        }
    }

    private static List<Block> blocks(String title, Node root) {
        List<Block> blocks = new ArrayList<>();
        OpenHeadings open = new OpenHeadings(title);
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Heading heading -> open.enter(heading.getLevel(), plainText(heading));
                case BulletList list -> addItems(blocks, open.path(), list);
                case OrderedList list -> addItems(blocks, open.path(), list);
                default -> addBlock(blocks, open.path(), BlockKind.PARAGRAPH, plainText(node));
            }
        }
        return blocks;
    }

    /** The headings a block sits under: the title alone before the first '##', else '##' and deeper. */
    private static final class OpenHeadings {
        private final String title;
        private final Deque<Integer> levels = new ArrayDeque<>();
        private final Deque<String> texts = new ArrayDeque<>();

        OpenHeadings(String title) {
            this.title = title;
        }

        void enter(int level, String text) {
            while (!levels.isEmpty() && levels.peekLast() >= level) {
                levels.removeLast();
                texts.removeLast();
            }
            if (level > 1) {
                levels.addLast(level);
                texts.addLast(text);
            }
        }

        List<String> path() {
            return texts.isEmpty() ? List.of(title) : List.copyOf(texts);
        }
    }

    private static void addItems(List<Block> blocks, List<String> path, Node list) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                addBlock(blocks, path, BlockKind.BULLET, plainText(item));
            }
        }
    }

    private static void addBlock(List<Block> blocks, List<String> path, BlockKind kind, String text) {
        String clean = text.replaceAll("\\s+", " ").strip();
        if (!clean.isEmpty()) {
            blocks.add(new Block(path, kind, clean));
        }
    }

    static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        appendText(node, out);
        return out.toString().strip();
    }

    private static void appendText(Node node, StringBuilder out) {
        switch (node) {
            case Text text -> out.append(text.getLiteral());
            case Code code -> out.append(code.getLiteral());
            case SoftLineBreak ignored -> out.append(' ');
            case HardLineBreak ignored -> out.append(' ');
            default -> {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    appendText(child, out);
                }
                if (node instanceof Paragraph) {
                    out.append(' ');
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
