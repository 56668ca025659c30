package com.askkira.safety;

import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The labelled conversations the learned crisis reader ({@link LearnedCrisisReader}) is fitted on:
 * every crisis set that has already been read, never {@code crisis-fresh-holdout-4} (held out) nor
 * anything under {@code frozen/}. The ordinary golden dev questions, and the answer decision's
 * questions outside the field, are fitted on as look-alikes of nothing: a reader that flags "how
 * long are records kept" costs every reader their answer.
 */
final class CrisisFitData {
    /** Sets of {@code messages} with {@code text}, {@code history} (user turns) and {@code crisis}. */
    static final List<String> MESSAGE_SETS = List.of(
            "/safety/crisis-fresh-tune.json",
            "/safety/crisis-fresh-holdout.json",
            "/safety/crisis-fresh-holdout-2.json",
            "/safety/crisis-fresh-holdout-3.json",
            "/spanish/crisis-es-dev.json",
            "/safety/crisis-train-5.json",
            "/safety/crisis-train-es-2.json");
    /**
     * People at risk who ask, in the same message, whether their therapist will tell, beside
     * look-alikes of the same words: written for the wording reader ({@link WordingCrisisReader}), never
     * fitted on by the learned reader itself (whose refit with the first of them raised false alarms
     * almost everywhere).
     */
    static final List<String> RULE_QUESTION_SETS = List.of(
            "/safety/crisis-in-rules-questions.json",
            "/safety/crisis-in-rules-questions-fit-a.json",
            "/safety/crisis-in-rules-questions-fit-b.json");
    /** Sets of {@code crisis} and {@code informational} entries with {@code message} and {@code history}. */
    static final List<String> EXEMPLAR_SETS = List.of(SemanticCrisisScreen.EXEMPLARS, "/safety/crisis-messages.json");
    /** Ordinary questions: {@code questions} with {@code question}, none of them a crisis. */
    static final List<String> ORDINARY_SETS = List.of("/golden/retrieval-dev.json", "/golden/abstention-dev.json");
    /**
     * The answer decision's labelled questions ({@code questions} with {@code question} and {@code
     * label}): those outside the field are fitted on as non-crisis too. The reader had seen few
     * everyday questions far from both crises and the library, and a linear reader extrapolates
     * there: "who won the 2022 world cup final" read 0.98 and was given help lines. They are fitted
     * on, never calibrated on ({@link #calibrates}): a bar set on questions that easy would fall.
     */
    static final List<String> OUTSIDE_SETS = List.of(
            "/decision/decision-train.json",
            "/decision/decision-train-es.json",
            "/decision/decision-train-2.json",
            "/decision/decision-train-3.json",
            "/decision/decision-train-4.json",
            "/decision/decision-train-6.json",
            "/decision/decision-train-7.json");

    /** One labelled conversation, personal data redacted as the pipeline redacts it. */
    record Labelled(String set, String id, boolean crisis, String message, List<Turn> history) {}

    private CrisisFitData() {}

    static List<Labelled> all() {
        PiiRedactor redactor = new PiiRedactor();
        List<Labelled> out = new ArrayList<>();
        for (String set : EXEMPLAR_SETS) {
            JsonNode root = read(set);
            for (String group : List.of("crisis", "informational")) {
                for (JsonNode e : root.get(group)) {
                    List<Turn> history = new ArrayList<>();
                    e.path("history")
                            .forEach(t -> history.add(new Turn(
                                    "user".equals(t.path("role").asText()) ? Turn.Role.USER : Turn.Role.ASSISTANT,
                                    redactor.redact(t.path("content").asText()).text())));
                    out.add(new Labelled(
                            set,
                            e.get("id").asText(),
                            group.equals("crisis"),
                            redactor.redact(e.get("message").asText()).text(),
                            history));
                }
            }
        }
        for (String set : MESSAGE_SETS) {
            out.addAll(messages(set, redactor));
        }
        for (String set : ORDINARY_SETS) {
            out.addAll(nonCrises(set, q -> true, redactor));
        }
        for (String set : OUTSIDE_SETS) {
            out.addAll(nonCrises(set, q -> q.get("label").asText().equals("out_of_scope"), redactor));
        }
        return out;
    }

    /**
     * What the wording reader ({@code CrisisWordingFit}) is fitted on: every set above and the sets
     * written for people at risk who ask about the rules.
     */
    static List<Labelled> withRuleQuestionSets() {
        PiiRedactor redactor = new PiiRedactor();
        List<Labelled> out = new ArrayList<>(all());
        RULE_QUESTION_SETS.forEach(set -> out.addAll(messages(set, redactor)));
        return out;
    }

    /** A set of {@code messages}, each with {@code text}, {@code crisis} and perhaps {@code history}. */
    private static List<Labelled> messages(String set, PiiRedactor redactor) {
        List<Labelled> out = new ArrayList<>();
        for (JsonNode m : read(set).get("messages")) {
            List<Turn> history = new ArrayList<>();
            m.path("history")
                    .forEach(t -> history.add(
                            new Turn(Turn.Role.USER, redactor.redact(t.asText()).text())));
            out.add(new Labelled(
                    set,
                    m.get("id").asText(),
                    m.get("crisis").asBoolean(),
                    redactor.redact(m.get("text").asText()).text(),
                    history));
        }
        return out;
    }

    /** The questions of {@code set} that {@code which} keeps, none of them a crisis. */
    private static List<Labelled> nonCrises(String set, Predicate<JsonNode> which, PiiRedactor redactor) {
        List<Labelled> out = new ArrayList<>();
        for (JsonNode q : read(set).get("questions")) {
            if (which.test(q)) {
                out.add(new Labelled(
                        set,
                        q.get("id").asText(),
                        false,
                        redactor.redact(q.get("question").asText()).text(),
                        List.of()));
            }
        }
        return out;
    }

    /** Whether the reader's threshold is calibrated on this conversation's set ({@link #OUTSIDE_SETS} are not). */
    static boolean calibrates(Labelled conversation) {
        return !OUTSIDE_SETS.contains(conversation.set());
    }

    static JsonNode read(String resource) {
        try (InputStream in = CrisisFitData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
