package com.askkira.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The corpus folder: every {@code *.md} file but README.md is a document; {@code synonyms.txt}
 * holds the editable synonym map. The fingerprint changes whenever any of them does, so the index
 * knows when it is stale. A file that is not a readable document (a folder, a binary, an empty or
 * oversized file, a slug another document has) is refused with its name, line and reason.
 */
public final class Library {
    public static final String SYNONYMS_FILE = "synonyms.txt";

    /**
     * The largest document the library reads: 256 KB. The longest document today is 23 KB and the
     * whole corpus 56 KB, so this is ten times the longest, about 40,000 words, longer than any
     * article or source summary is meant to be. Indexing cost grows faster than a document does
     * (every sentence is embedded and compared with every other), so a multi-megabyte file (an
     * export, a paste of a whole book) would hold a re-index for many minutes; it is refused up
     * front instead, and its author asked to split it.
     */
    public static final int MAX_DOCUMENT_BYTES = 256 * 1024;

    private final Path dir;
    private final MarkdownDocumentParser parser;

    public Library(Path dir, MarkdownDocumentParser parser) {
        this.dir = dir;
        this.parser = parser;
    }

    /** Every document, in file-name order; the first problem found is thrown. */
    public List<LibraryDocument> documents() {
        List<LibraryDocument> documents = new ArrayList<>();
        Map<String, String> fileBySlug = new HashMap<>();
        for (Path file : documentFiles()) {
            String name = file.getFileName().toString();
            String text = text(file);
            LibraryDocument document;
            try {
                document = parser.parse(text);
            } catch (InvalidDocumentException e) {
                throw e.in(name);
            }
            String slug = document.meta().slug();
            String first = fileBySlug.putIfAbsent(slug, name);
            if (first != null) {
                throw new InvalidDocumentException(
                        name,
                        MarkdownDocumentParser.lineOfKey(text, "slug"),
                        "slug '" + slug + "' is already used by " + first + "; every document needs its own slug");
            }
            documents.add(document);
        }
        return documents;
    }

    /** The Markdown source of the document with this slug, as its author wrote it (front matter included). */
    public Optional<String> source(String slug) {
        for (Path file : documentFiles()) {
            String text = text(file);
            if (parser.parse(text).meta().slug().equals(slug)) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    public Path synonymsFile() {
        return dir.resolve(SYNONYMS_FILE);
    }

    /** SHA-256 over the names and bytes of every file that shapes the index. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>(documentFiles());
            files.forEach(Library::checkFile);
            if (Files.isRegularFile(synonymsFile())) {
                files.add(synonymsFile());
            }
            for (Path file : files) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document file's text, refused with a reason when it is not a document-sized UTF-8 text file. */
    private static String text(Path file) {
        checkFile(file);
        String name = file.getFileName().toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidDocumentException(
                    name, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw tooLarge(name);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidDocumentException(
                    name, lineAt(bytes, in.position()), "is not UTF-8 text from here on (a binary file?)");
        }
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new InvalidDocumentException(
                    name,
                    (int) text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1,
                    "contains NUL characters, so it is not a text file");
        }
        return text;
    }

    /** Refuses what cannot be a document without reading it: a folder, a device, a file over the limit. */
    private static void checkFile(Path file) {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new InvalidDocumentException(name, 0, "is a folder, not a Markdown document");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidDocumentException(name, 0, "is not a regular file");
        }
        try {
            if (Files.size(file) > MAX_DOCUMENT_BYTES) {
                throw tooLarge(name);
            }
        } catch (IOException e) {
            throw new InvalidDocumentException(
                    name, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static InvalidDocumentException tooLarge(String name) {
        return new InvalidDocumentException(
                name,
                0,
                "is over " + MAX_DOCUMENT_BYTES / 1024 + " KB, the most a library document may be; split it into"
                        + " several documents");
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    private List<Path> documentFiles() {
        if (!Files.isDirectory(dir)) {
            throw new InvalidDocumentException("corpus folder not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list corpus " + dir, e);
        }
    }
}
