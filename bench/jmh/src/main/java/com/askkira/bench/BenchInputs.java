package com.askkira.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the benchmarks feed the stages: the golden questions and the model-written answers of the guard sets. */
final class BenchInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchInputs() {}

    /** The project root: the benchmarks read corpus/ and the test sets from it ({@code -Dkira.root}, default "."). */
    static Path root() {
        return Path.of(System.getProperty("kira.root", ".")).toAbsolutePath().normalize();
    }

    /** The questions of the answerable golden sets (retrieval dev and holdout): every one retrieves and composes. */
    static List<String> questions() {
        List<String> out = new ArrayList<>();
        for (String set : List.of("retrieval-dev.json", "retrieval-holdout.json")) {
            read("src/test/resources/golden/" + set)
                    .get("questions")
                    .forEach(q -> out.add(q.get("question").asText()));
        }
        return out;
    }

    record ModelAnswer(String question, String answer) {}

    /**
     * Answers written the way a model writes them (paraphrases, 1 to 5 sentences, good and bad):
     * each sentence is embedded and scored, as it is for a real model's answer.
     */
    static List<ModelAnswer> modelAnswers() {
        List<ModelAnswer> out = new ArrayList<>();
        for (String set : List.of("model-answers.json", "limits-fresh-tune.json", "limits-fresh-holdout.json")) {
            read("src/test/resources/guard/" + set)
                    .get("answers")
                    .forEach(a -> out.add(new ModelAnswer(
                            a.get("question").asText(), a.get("answer").asText())));
        }
        return out;
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(Files.readString(root().resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
