package com.askkira.embedding;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedder that keeps the passage vectors it computes in a file and reads them back on the next
 * start. Kira embeds a few hundred fixed texts as it starts (the crisis screen's examples, the
 * field's topics): about three seconds of a one-thread model, every start, for the same vectors. A
 * text is known by a hash of the model's name and the text, so a changed example or another model
 * is simply embedded again. Queries pass through: they are never the same twice.
 */
public final class StoredVectors implements Embedder {
    private final Embedder embedder;
    private final Path file;
    private final Map<String, float[]> stored;

    private StoredVectors(Embedder embedder, Path file, Map<String, float[]> stored) {
        this.embedder = embedder;
        this.file = file;
        this.stored = stored;
    }

    /** The vectors kept in {@code file}, if it can be read; a missing or damaged file starts empty. */
    public static StoredVectors in(Path file, Embedder embedder) {
        return new StoredVectors(embedder, file, read(file, embedder.dimension()));
    }

    @Override
    public String name() {
        return embedder.name();
    }

    @Override
    public int dimension() {
        return embedder.dimension();
    }

    @Override
    public float[] embedQuery(String text) {
        return embedder.embedQuery(text);
    }

    @Override
    public List<float[]> embedQueries(List<String> texts) {
        return embedder.embedQueries(texts);
    }

    /** The stored vectors, and the others embedded and then stored. */
    @Override
    public synchronized List<float[]> embedPassages(List<String> texts) {
        List<String> keys = texts.stream().map(this::key).toList();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!stored.containsKey(keys.get(i))) {
                missing.add(texts.get(i));
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> embedded = embedder.embedPassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                stored.put(key(missing.get(i)), embedded.get(i));
            }
            write();
        }
        return keys.stream().map(stored::get).toList();
    }

    private String key(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(embedder.name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Map<String, float[]> read(Path file, int dimension) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return vectors;
        }
        try (InputStream bytes = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(bytes))) {
            int count = in.readInt();
            byte[] numbers = new byte[0];
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                float[] vector = new float[in.readInt()];
                // A vector's numbers in one read, as writeFloat wrote them (big-endian): not a call each.
                if (numbers.length != vector.length * Float.BYTES) {
                    numbers = new byte[vector.length * Float.BYTES];
                }
                in.readFully(numbers);
                ByteBuffer.wrap(numbers).asFloatBuffer().get(vector);
                if (vector.length == dimension) {
                    vectors.put(key, vector);
                }
            }
            return vectors;
        } catch (IOException | RuntimeException e) {
            // A file cut short or from elsewhere: what it held is embedded again, and it is rewritten.
            return new LinkedHashMap<>();
        }
    }

    /** Written beside and moved into place, so a start that dies midway leaves the old file whole. */
    private void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream bytes = Files.newOutputStream(temporary);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(bytes))) {
                out.writeInt(stored.size());
                for (Map.Entry<String, float[]> entry : stored.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeInt(entry.getValue().length);
                    for (float x : entry.getValue()) {
                        out.writeFloat(x);
                    }
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only the next start's speed depends on this file: Kira runs on without it.
        }
    }
}
