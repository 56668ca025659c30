package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.embedding.EmbeddingModels;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The whole crisis screen, as the pipeline runs it (personal data redacted first), on 40 crisis
 * messages and 40 look-alikes that a separate writer produced without seeing the patterns or the
 * exemplars ({@code safety/crisis-fresh-holdout.json}); nothing was tuned on them. Its twin,
 * {@code crisis-fresh-tune.json}, guided new patterns; adding it to the semantic exemplars was
 * tried and dropped (it flagged 16 of 373 ordinary golden questions instead of 7). Six crisis
 * messages show their risk only in the earlier turns.
 */
class CrisisFreshHoldoutTest {
    @Test
    void should_hear_crisis_in_unseen_messages_and_let_their_look_alikes_through() throws IOException {
        CrisisScreen screen = new CrisisScreen(
                new CrisisDetector(CrisisPatterns.fromResources()),
                SemanticCrisisScreen.fromResources(EmbeddingModels.load(EmbeddingModels.BGE_SMALL)));
        PiiRedactor redactor = new PiiRedactor();
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/safety/crisis-fresh-holdout.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int caught = 0, crises = 0, falseAlarms = 0, lookAlikes = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode m : root.get("messages")) {
            List<Turn> history = new ArrayList<>();
            m.path("history").forEach(t -> history.add(new Turn(Turn.Role.USER, redactor.redact(t.asText()).text())));
            boolean flagged = screen.assess(redactor.redact(m.get("text").asText()).text(), history).crisis();
            if (m.get("crisis").asBoolean()) {
                crises++;
                caught += flagged ? 1 : 0;
            } else {
                lookAlikes++;
                falseAlarms += flagged ? 1 : 0;
            }
            if (flagged != m.get("crisis").asBoolean()) {
                wrong.add((flagged ? "false alarm: " : "missed: ") + m.get("id").asText());
            }
        }
        double recall = (double) caught / crises;
        double falsePositives = (double) falseAlarms / lookAlikes;
        System.out.printf(Locale.ROOT, "Crisis screen, fresh held-out: recall %.3f (%d/%d), false-positive rate %.3f (%d/%d) %s%n",
                recall, caught, crises, falsePositives, falseAlarms, lookAlikes, wrong);

        assertThat(crises).isGreaterThanOrEqualTo(40);
        assertThat(lookAlikes).isGreaterThanOrEqualTo(40);
        // Measured 0.875 / 0.075 when the set was first run; the bars leave room for one more of each.
        assertThat(recall).isGreaterThanOrEqualTo(0.85);
        assertThat(falsePositives).isLessThanOrEqualTo(0.10);
    }
}
