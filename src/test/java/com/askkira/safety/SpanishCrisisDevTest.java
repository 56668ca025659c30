package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.embedding.EmbeddingModels;
import com.askkira.language.SpanishGloss;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The crisis screen on Spanish messages: {@code spanish/crisis-es-dev.json} (60 crisis messages
 * and 60 look-alikes, written for this by a separate writer who saw no code). It is a dev set: it
 * guided the bilingual map, and the learned reader ({@link LearnedCrisisReader}) is fitted on it,
 * so its figures say little of messages nobody tuned for. The untouched measures of Spanish are
 * the frozen blind set and {@code CrisisFreshHoldout4Test}.
 */
class SpanishCrisisDevTest {
    @Test
    void should_hear_crisis_in_spanish_and_let_spanish_look_alikes_through() throws IOException {
        PiiRedactor redactor = new PiiRedactor();
        CrisisScreen screen = new BilingualCrisisScreen(
                LayeredCrisisScreen.fromResources(EmbeddingModels.load(EmbeddingModels.BGE_SMALL)),
                SpanishGloss.fromResources());
        CrisisTally tally = new CrisisTally();
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/spanish/crisis-es-dev.json")) {
            root = new ObjectMapper().readTree(in);
        }
        for (JsonNode m : root.get("messages")) {
            List<Turn> history = new ArrayList<>();
            m.path("history")
                    .forEach(t -> history.add(
                            new Turn(Turn.Role.USER, redactor.redact(t.asText()).text())));
            boolean crisis = screen.assess(
                            redactor.redact(m.get("text").asText()).text(), history)
                    .crisis();
            tally.add(
                    m.get("crisis").asBoolean(),
                    crisis,
                    m.get("id").asText() + " " + m.get("kind").asText());
        }
        System.out.println(tally.line("Spanish crisis (dev)"));

        // Measured 0.917 and 0.050 once the map covered these kinds of phrasing (0.600 before; the
        // English screen alone heard almost none), 0.917 and 0.033 just before the learned reader, and
        // 1.000 and 0.033 with it: in-sample, as it is fitted on this set (cross-validated, it alone
        // heard 53 of 60 and 4 that patterns and the semantic screen miss; see crisis-learned.json).
        // Session 10, once the gloss read verbs in any form and everyday words, and the reader was refitted
        // with crisis-train-es-2 (a new writer's 200, on which the gloss alone lifted the screen's recall from
        // 75 to 93 of 100 before they were fitted on): 0.983 and 0.050, one method-at-hand message now heard
        // by no reader and one more idiom flagged.
        assertThat(tally.recall()).isGreaterThanOrEqualTo(0.983);
        assertThat(tally.falseAlarms()).isLessThanOrEqualTo(0.05);
    }
}
