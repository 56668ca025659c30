package com.askkira.eval;

import com.askkira.answer.AnswerDecision.Outcome;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Questions labelled with what Kira should do with them: answer, decline as not covered, or as out of scope. */
record LabelledQuestions(String set, List<Labelled> questions) {
    record Labelled(String question, List<Turn> history, Outcome expected) {}

    /** The answerable golden retrieval questions, with their conversations. */
    static LabelledQuestions answerable(String file) {
        List<Labelled> read = new ArrayList<>();
        for (GoldenQuestion q : GoldenSets.named(file).questions()) {
            read.add(new Labelled(q.question(), q.turns(), Outcome.ANSWER));
        }
        return new LabelledQuestions(file, read);
    }

    /** Answerable questions under {@code resource}, each with its {@code history} (earlier messages, oldest first). */
    static LabelledQuestions answerableWithHistory(String resource) {
        return read(resource, q -> Outcome.ANSWER);
    }

    /**
     * The blind set {@code frozen/<file>}'s questions and what Kira should do with them, crisis
     * messages left out (the crisis screen, not the decision, answers those).
     */
    static LabelledQuestions blind(String file) {
        try {
            List<Labelled> read = new ArrayList<>();
            for (BlindSets.Item item : BlindSets.read(file)) {
                Outcome expected = switch (item.expect()) {
                    case "answer" -> Outcome.ANSWER;
                    case "not_covered" -> Outcome.NOT_COVERED;
                    case "out_of_scope" -> Outcome.OUT_OF_SCOPE;
                    default -> null;
                };
                if (expected != null) {
                    read.add(new Labelled(item.question(), item.history(), expected));
                }
            }
            return new LabelledQuestions(file, read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A set of labelled questions under {@code resource}: each with {@code expect} (the abstention
     * sets: answered, not_covered, out_of_scope) or {@code label} (the decision sets: answerable,
     * not_covered, out_of_scope).
     */
    static LabelledQuestions read(String resource) {
        return read(resource, q -> {
            String label =
                    q.has("expect") ? q.get("expect").asText() : q.get("label").asText();
            return switch (label) {
                case "answered", "answerable" -> Outcome.ANSWER;
                case "not_covered" -> Outcome.NOT_COVERED;
                case "out_of_scope" -> Outcome.OUT_OF_SCOPE;
                default -> throw new IllegalArgumentException("unknown label in " + q);
            };
        });
    }

    private static LabelledQuestions read(String resource, Function<JsonNode, Outcome> expected) {
        try (InputStream in = LabelledQuestions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no labelled set " + resource);
            }
            List<Labelled> read = new ArrayList<>();
            for (JsonNode q : new ObjectMapper().readTree(in).get("questions")) {
                List<Turn> history = new ArrayList<>();
                q.path("history").forEach(h -> history.add(new Turn(Turn.Role.USER, h.asText())));
                read.add(new Labelled(q.get("question").asText(), history, expected.apply(q)));
            }
            return new LabelledQuestions(resource, read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
