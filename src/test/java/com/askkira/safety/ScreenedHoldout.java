package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.guard.InputScreen;
import com.askkira.language.SpanishGloss;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A held-out crisis set screened as the pipeline screens a message ({@link Kira#inputScreen}:
 * personal data redacted, then patterns, meaning and the learned reader, as written and as its
 * English gloss): its {@code messages}, each with {@code text}, {@code crisis} and the reader's
 * earlier turns as {@code history}.
 */
final class ScreenedHoldout {
    private final InputScreen screen = Kira.inputScreen(
            EmbeddingModels.load(EmbeddingModels.BGE_SMALL), new PiiRedactor(), SpanishGloss.fromResources());
    private final JsonNode messages;

    ScreenedHoldout(String resource) {
        try (InputStream in = ScreenedHoldout.class.getResourceAsStream(resource)) {
            messages = new ObjectMapper().readTree(in).get("messages");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages {@code which} selects, screened; a wrong one is named by {@code name}. */
    CrisisTally tally(Predicate<JsonNode> which, Function<JsonNode, String> name) {
        CrisisTally tally = new CrisisTally();
        for (JsonNode m : messages) {
            if (!which.test(m)) {
                continue;
            }
            List<Turn> history = new ArrayList<>();
            // A turn is the reader's text, or a {role, content} pair of which only the reader's count.
            m.path("history").forEach(t -> {
                if (t.isTextual()) {
                    history.add(new Turn(Turn.Role.USER, t.asText()));
                } else if (t.path("role").asText().equals("user")) {
                    history.add(new Turn(Turn.Role.USER, t.path("content").asText()));
                }
            });
            boolean flagged =
                    screen.screen(m.get("text").asText(), history).risk().crisis();
            tally.add(m.get("crisis").asBoolean(), flagged, (flagged ? "false alarm: " : "missed: ") + name.apply(m));
        }
        return tally;
    }

    /**
     * {@link #tally}, printed under {@code title} and held to its floors: crisis recall at least
     * {@code minRecall}, false alarms at most {@code maxFalseAlarms}.
     */
    CrisisTally assertFloors(
            String title,
            Predicate<JsonNode> which,
            Function<JsonNode, String> name,
            double minRecall,
            double maxFalseAlarms) {
        CrisisTally tally = tally(which, name);
        System.out.println(tally.line(title));
        assertThat(tally.recall()).as(title + " recall").isGreaterThanOrEqualTo(minRecall);
        assertThat(tally.falseAlarms()).as(title + " false alarms").isLessThanOrEqualTo(maxFalseAlarms);
        return tally;
    }

    /**
     * {@link #assertFloors} on the messages in {@code language} ({@code lang}; "all" for every one),
     * each named by its {@code kind}, printed as "{@code title} (language)".
     */
    CrisisTally assertFloorsIn(String language, String title, double minRecall, double maxFalseAlarms) {
        return assertFloors(
                title + " (" + language + ")",
                m -> language.equals("all") || m.get("lang").asText().equals(language),
                m -> m.get("kind").asText(),
                minRecall,
                maxFalseAlarms);
    }
}
