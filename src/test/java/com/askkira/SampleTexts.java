package com.askkira;

import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Real text to check a fast path against its slow path on: every line and sentence of the library
 * (corpus/), and every string of the test sets (questions, histories, model-written answers, personal
 * data cases) with each of their sentences. The frozen blind sets and the held-out abstention set
 * stay out: they are kept for measuring, not for tuning against.
 */
public final class SampleTexts {
    private static final List<String> SETS = List.of("golden", "guard", "privacy", "safety", "spanish");
    private static final Set<String> KEPT_OUT = Set.of("abstention-holdout-2.json");
    private static List<String> texts;

    private SampleTexts() {}

    public static synchronized List<String> all() {
        if (texts == null) {
            Set<String> out = new LinkedHashSet<>();
            SentenceSplitter splitter = new SentenceSplitter();
            try {
                for (Path file : files(Path.of("corpus"), ".md")) {
                    for (String line : Files.readAllLines(file)) {
                        addWithSentences(out, line, splitter);
                    }
                }
                ObjectMapper json = new ObjectMapper();
                for (String set : SETS) {
                    for (Path file : files(Path.of("src/test/resources", set), ".json")) {
                        if (!KEPT_OUT.contains(file.getFileName().toString())) {
                            strings(json.readTree(file.toFile()), s -> addWithSentences(out, s, splitter));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            texts = List.copyOf(out);
        }
        return texts;
    }

    private static void addWithSentences(Set<String> out, String text, SentenceSplitter splitter) {
        if (text.isBlank()) {
            return;
        }
        out.add(text);
        for (Sentence sentence : splitter.split(text)) {
            out.add(sentence.text());
        }
    }

    private static void strings(JsonNode node, java.util.function.Consumer<String> sink) {
        if (node.isTextual()) {
            sink.accept(node.asText());
        }
        node.forEach(child -> strings(child, sink));
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Lists of texts that are longer than any one sentence: consecutive texts joined, as answers join sentences. */
    public static List<String> joinedInThrees() {
        List<String> all = all();
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 2 < all.size(); i += 3) {
            out.add(all.get(i) + " " + all.get(i + 1) + " " + all.get(i + 2));
        }
        return out;
    }
}
