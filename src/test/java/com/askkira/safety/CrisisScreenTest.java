package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.embedding.Embedder;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two readers together. The semantic screen is measured leave-one-out over its own exemplars
 * (each message judged against all the others), and the combined screen on the held-out messages
 * that neither the patterns nor the exemplars have seen.
 */
class CrisisScreenTest {
    private static final double MARGIN = SemanticCrisisScreen.MARGIN;
    private static final PiiRedactor REDACTOR = new PiiRedactor();
    private static Embedder embedder;
    private static List<SemanticCrisisScreen.Exemplar> exemplars;
    private static List<SemanticCrisisScreen.LabelledText> texts;

    @BeforeAll
    static void embed_the_exemplars() {
        embedder = EmbeddingModels.load(EmbeddingModels.BGE_SMALL);
        texts = SemanticCrisisScreen.labelledTexts();
        List<float[]> vectors = embedder.embedPassages(
                texts.stream().map(SemanticCrisisScreen.LabelledText::text).toList());
        exemplars = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            exemplars.add(new SemanticCrisisScreen.Exemplar(
                    texts.get(i).crisis(), texts.get(i).kinds(), vectors.get(i)));
        }
    }

    @Test
    void should_hear_crisis_in_exemplars_it_has_not_seen_leave_one_out() {
        int caught = 0, crises = 0, falseAlarms = 0, lookAlikes = 0;
        for (int i = 0; i < texts.size(); i++) {
            List<SemanticCrisisScreen.Exemplar> others = new ArrayList<>(exemplars);
            others.remove(i);
            boolean flagged = !new SemanticCrisisScreen(embedder, others, MARGIN)
                    .screen(texts.get(i).text(), List.of())
                    .isEmpty();
            if (texts.get(i).crisis()) {
                crises++;
                caught += flagged ? 1 : 0;
            } else {
                lookAlikes++;
                falseAlarms += flagged ? 1 : 0;
            }
        }
        double recall = (double) caught / crises;
        double falsePositives = (double) falseAlarms / lookAlikes;
        System.out.printf(
                Locale.ROOT,
                "Semantic crisis screen, leave-one-out: recall %.3f (%d/%d), false-positive rate %.3f (%d/%d)%n",
                recall,
                caught,
                crises,
                falsePositives,
                falseAlarms,
                lookAlikes);

        assertThat(recall).isGreaterThanOrEqualTo(0.85);
        assertThat(falsePositives).isLessThanOrEqualTo(0.10);
    }

    /**
     * Patterns and the semantic screen only: the learned reader is fitted on these messages, so it
     * would only hear them back. At least 18 of 20 were heard until session 11; on a processor without AVX-512
     * the embedding's sums differ and one message falls just under the margin, so the floor is 17.
     */
    @Test
    void should_catch_held_out_crises_that_the_patterns_alone_miss() throws IOException {
        CrisisScreen screen = new LayeredCrisisScreen(
                new CrisisDetector(CrisisPatterns.fromResources()),
                new SemanticCrisisScreen(embedder, exemplars, MARGIN));
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/safety/crisis-messages.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int caught = 0, crises = 0, falseAlarms = 0, lookAlikes = 0;
        for (String group : List.of("crisis", "informational")) {
            for (JsonNode entry : root.get(group)) {
                List<Turn> history = new ArrayList<>();
                for (JsonNode turn : entry.path("history")) {
                    history.add(new Turn(
                            "user".equals(turn.get("role").asText()) ? Turn.Role.USER : Turn.Role.ASSISTANT,
                            turn.get("content").asText()));
                }
                boolean flagged =
                        screen.assess(entry.get("message").asText(), history).crisis();
                if (group.equals("crisis")) {
                    crises++;
                    caught += flagged ? 1 : 0;
                } else {
                    lookAlikes++;
                    falseAlarms += flagged ? 1 : 0;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Crisis screen (patterns + semantic), held-out: recall %d/%d, false alarms %d/%d%n",
                caught,
                crises,
                falseAlarms,
                lookAlikes);

        assertThat((double) caught / crises).isGreaterThanOrEqualTo(0.85);
        assertThat((double) falseAlarms / lookAlikes).isLessThanOrEqualTo(0.20);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "hey",
                "ty",
                "see you",
                "good night",
                "😀",
                "hello how are you",
                "thanks that helped a lot",
                "ok bye then"
            })
    void should_not_hear_crisis_in_small_talk(String message) {
        assertThat(layered().assess(message, List.of()).crisis()).isFalse();
    }

    /** The three readers, patterns, meaning and the learned one, as the pipeline runs them. */
    private static CrisisScreen layered() {
        return new LayeredCrisisScreen(
                new CrisisDetector(CrisisPatterns.fromResources()),
                new SemanticCrisisScreen(embedder, exemplars, MARGIN),
                LearnedCrisisReader.fromResources());
    }

    /**
     * A reader who leaves a number or an address is not in crisis for that: these are look-alikes of
     * "someone call me", screened as the pipeline screens them, after redaction ("call me at [phone].").
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "call me at 555-867-5309.",
                "text me at 555-867-5309 after 5",
                "here's my number: (555) 867-5309",
                "you can reach me at 555-867-5309 or sarah@example.com",
                "call me at five five five eight six seven five three oh nine",
                "my insta is janedoe99, dm me there",
                "email me the answer at sarah@example.com",
                "call me at 5 pm."
            })
    void should_not_hear_crisis_in_contact_details(String message) {
        assertThat(layered().assess(REDACTOR.redact(message).text(), List.of()).crisis())
                .isFalse();
    }

    /** Leaving contact details out of the comparison must not hide the risk said beside them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "please call me at 555-867-5309, I'm going to kill myself tonight",
                "call me at 555-867-5309 before I do something stupid tonight",
                "call me at 555-867-5309 i cant do this anymore",
                "text me at 555-867-5309 before i swallow these pills",
                "my number is 555-867-5309. i'm going to end it tonight",
                "if you don't call me at 555-867-5309 in an hour I'll be gone",
                "someone call me, I took all my pills",
                "I can't stay safe tonight, call me"
            })
    void should_still_hear_crisis_beside_a_number_to_call(String message) {
        assertThat(layered().assess(REDACTOR.redact(message).text(), List.of()).crisis())
                .isTrue();
    }

    @Test
    void should_give_resources_only_in_a_crisis() {
        assertThat(CrisisScreen.safety(CrisisAssessment.none("none")).resources())
                .isEmpty();
        Safety crisis = CrisisScreen.safety(new CrisisAssessment(true, java.util.Set.of(RiskKind.SELF_HARM), "test"));
        assertThat(crisis.crisis()).isTrue();
        assertThat(crisis.resources())
                .extracting(CrisisResource::contact)
                .anySatisfy(c -> assertThat(c).contains("988"));
    }
}
