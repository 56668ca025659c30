package com.askkira.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus folder: every {@code *.md} file but README.md is a document; {@code synonyms.txt}
 * holds the editable synonym map. The fingerprint changes whenever any of them does, so the index
 * knows when it is stale.
 */
public final class Library {
    public static final String SYNONYMS_FILE = "synonyms.txt";

    private final Path dir;
    private final MarkdownDocumentParser parser;

    public Library(Path dir, MarkdownDocumentParser parser) {
        this.dir = dir;
        this.parser = parser;
    }

    public List<LibraryDocument> documents() {
        List<LibraryDocument> documents = new ArrayList<>();
        for (Path file : documentFiles()) {
            try {
                documents.add(parser.parse(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (InvalidDocumentException e) {
                throw new InvalidDocumentException(file.getFileName() + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return documents;
    }

    public Path synonymsFile() {
        return dir.resolve(SYNONYMS_FILE);
    }

    /** SHA-256 over the names and bytes of every file that shapes the index. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>(documentFiles());
            if (Files.exists(synonymsFile())) {
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
