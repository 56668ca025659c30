package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.retrieval.Passage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The model-answer sets' items: answers written, as a model writes them, from passages kept by id. */
final class WrittenAnswers {
    private WrittenAnswers() {}

    /** The {@code answers} of the set at {@code resource}, in its order. */
    static List<JsonNode> read(String resource) throws IOException {
        try (InputStream in = WrittenAnswers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<JsonNode> answers = new ArrayList<>();
            new ObjectMapper().readTree(in).get("answers").forEach(answers::add);
            return answers;
        }
    }

    /** The passages the writer of {@code answer} saw, numbered as it cites them. */
    static List<Passage> passages(JsonNode answer) {
        return passages(answer, Map.of());
    }

    /** The same, each passage id in {@code renamed} read as the chunk that holds its text now. */
    static List<Passage> passages(JsonNode answer, Map<String, String> renamed) {
        List<String> ids = new ArrayList<>();
        answer.get("passages").forEach(id -> ids.add(renamed.getOrDefault(id.asText(), id.asText())));
        List<Passage> passages = TestKira.shared()
                .retriever()
                .over(answer.get("question").asText(), ids)
                .passages();
        assertThat(passages)
                .as("the passages the writer saw are all in the library")
                .hasSize(ids.size());
        return passages;
    }
}
