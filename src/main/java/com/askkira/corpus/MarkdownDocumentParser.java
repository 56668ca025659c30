package com.askkira.corpus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    private static final List<String> FRONT_MATTER_KEYS = java.util.Arrays.stream(
                    FrontMatter.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
    private final Parser markdown = Parser.builder().build();

    public LibraryDocument parse(String source) {
        String normalized = source.replace("\r\n", "\n");
        if (normalized.isBlank()) {
            throw new InvalidDocumentException("the file is empty");
        }
        if (!normalized.startsWith("---\n")) {
            throw new InvalidDocumentException(1, "a library document starts with '---' and its front matter");
        }
        int close = normalized.indexOf("\n---\n", 3);
        if (close < 0) {
            throw new InvalidDocumentException(1, "front matter is not closed by a '---' line");
        }
        String yamlText = normalized.substring(4, close);
        FrontMatter meta = frontMatter(yamlText);
        List<Block> blocks = blocks(meta.title(), markdown.parse(normalized.substring(close + 5)));
        if (blocks.isEmpty()) {
            throw new InvalidDocumentException("document '" + meta.slug() + "' has no body text");
        }
        return new LibraryDocument(meta, blocks);
    }

    /**
     * The line of the document (1-based) where front matter key {@code key} is set, or 0 when it is
     * not: for pointing at a value that is wrong as a whole, such as a slug another document has.
     */
    static int lineOfKey(String source, String key) {
        List<String> lines = source.replace("\r\n", "\n").lines().toList();
        for (int i = 1; i < lines.size() && !lines.get(i).equals("---"); i++) {
            if (lines.get(i).matches(Pattern.quote(key) + "\\s*:.*")) {
                return i + 1;
            }
        }
        return 0;
    }

    private FrontMatter frontMatter(String text) {
        try {
            return yaml.readValue(text, FrontMatter.class);
        } catch (JsonMappingException e) {
            // A value of the wrong kind, or one FrontMatter refused: name its key and point at its line.
            String reason = rootMessage(e);
            Optional<String> key = e.getPath().stream()
                    .map(JsonMappingException.Reference::getFieldName)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .or(() -> FRONT_MATTER_KEYS.stream()
                            .filter(k -> reason.contains("'" + k + "'") || reason.startsWith(k + " "))
                            .findFirst());
            // A key that is not set at all has no line to point at.
            int line = key.map(k -> lineOfKey("---\n" + text, k)).orElseGet(() -> documentLine(e));
            String named = key.filter(k -> !reason.contains(k))
                    .map(k -> " '" + k + "'")
                    .orElse("");
            throw new InvalidDocumentException(
                    line, reason.startsWith("front matter") ? reason : "front matter" + named + ": " + reason);
        } catch (JsonProcessingException e) {
            String reason = yamlProblem(e);
            if (reason.contains("mapping values are not allowed")) {
                reason += " (quote a value that contains a colon)";
            }
            throw new InvalidDocumentException(documentLine(e), "front matter: " + reason);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidDocumentException("front matter: " + rootMessage(e));
        }
    }

    /** Where the YAML parser stopped, as a line of the document: the front matter starts on line 2. */
    private static int documentLine(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? 0 : location.getLineNr() + 1;
    }

    /**
     * The YAML parser's sentences without its position lines and snippets ("while scanning a quoted
     * scalar: found unexpected end of stream"): the line is reported on its own.
     */
    private static String yamlProblem(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String sentences = message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining(": "));
        return sentences.isEmpty() ? rootMessage(e) : sentences;
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
