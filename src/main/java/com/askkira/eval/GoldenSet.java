package com.askkira.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A file of golden questions: {@code {"questions": [...]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoldenSet(List<GoldenQuestion> questions) {
    public GoldenSet {
        questions = List.copyOf(questions);
    }

    public static GoldenSet read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden set " + file, e);
        }
    }

    public static GoldenSet read(InputStream in) throws IOException {
        return new ObjectMapper().readValue(in, GoldenSet.class);
    }
}
