package com.askkira.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.embedding.Embedder;
import com.askkira.embedding.EmbeddingModels;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The learned reader as shipped, and its place among the screen's readers. */
class LearnedCrisisReaderTest {
    private static Embedder embedder;
    private static LearnedCrisisReader shipped;

    @BeforeAll
    static void load() {
        embedder = EmbeddingModels.load(EmbeddingModels.BGE_SMALL);
        shipped = LearnedCrisisReader.fromResources();
    }

    @Test
    void should_hear_a_plain_crisis_and_not_a_plain_question() {
        float[] crisis = embedder.embedQuery("I swallowed all my pills an hour ago and I want to die tonight");
        float[] question = embedder.embedQuery("How long does my therapist keep my session notes?");

        assertThat(shipped.probability(crisis)).isGreaterThanOrEqualTo(shipped.threshold());
        assertThat(shipped.hears(EmbeddingModels.BGE_SMALL, crisis)).isTrue();
        assertThat(shipped.hears(EmbeddingModels.BGE_SMALL, question)).isFalse();
    }

    @Test
    void should_hear_nothing_in_vectors_of_another_model_or_in_no_vector() {
        float[] crisis = embedder.embedQuery("I swallowed all my pills an hour ago and I want to die tonight");

        // MiniLM's vectors have the same 384 dimensions, and mean nothing to weights fitted on BGE's.
        assertThat(shipped.hears(EmbeddingModels.MINILM, crisis)).isFalse();
        assertThat(shipped.hears(EmbeddingModels.BGE_SMALL, new float[0])).isFalse();
    }

    /**
     * A crisis heard by the learned reader alone is the weakest evidence the screen acts on, so the
     * question is answered too, after the help lines. The reader here is made to hear one ordinary
     * question (its weights are that question's own vector), which the other two readers let through.
     */
    @Test
    void should_lead_with_help_and_answer_too_when_only_the_learned_reader_hears_crisis() {
        String message = "What time does the clinic open on Saturday?";
        float[] vector = embedder.embedQuery(message);
        CrisisDetector patterns = new CrisisDetector(CrisisPatterns.fromResources());
        SemanticCrisisScreen semantic = SemanticCrisisScreen.fromResources(embedder);
        LearnedCrisisReader hearsThis =
                new LearnedCrisisReader(EmbeddingModels.BGE_SMALL, vector, 0, 0.6, 0, 0, LearnedCrisisReader.NEVER);

        CrisisAssessment without = new LayeredCrisisScreen(patterns, semantic).assess(message, List.of());
        CrisisAssessment with = new LayeredCrisisScreen(patterns, semantic, hearsThis).assess(message, List.of());

        assertThat(without.crisis()).isFalse();
        assertThat(with.crisis()).isTrue();
        assertThat(with.answerToo()).isTrue();
        assertThat(with.kinds()).isNotEmpty();
        assertThat(with.reason()).contains("learned");
    }

    /**
     * A message that asks about the rules is heard at the reader's lower rule-question bar: the
     * question pulls a person at risk toward the informational. Each reader here scores its own
     * message σ(1) ≈ 0.73 (its weights are that message's unit vector): under its threshold of 0.9,
     * over a rule-question bar of 0.7.
     */
    @Test
    void should_hear_a_message_that_asks_about_the_rules_at_the_lower_bar_and_answer_it_too() {
        String ruleQuestion = "Does my therapist have to tell my parents what I say in our sessions?";
        String other = "What time does the clinic open on Saturday?";
        CrisisDetector patterns = new CrisisDetector(CrisisPatterns.fromResources());
        SemanticCrisisScreen semantic = SemanticCrisisScreen.fromResources(embedder);

        CrisisAssessment asked =
                new LayeredCrisisScreen(patterns, semantic, hearing(ruleQuestion)).assess(ruleQuestion, List.of());
        CrisisAssessment notAsked =
                new LayeredCrisisScreen(patterns, semantic, hearing(other)).assess(other, List.of());

        assertThat(asked.crisis()).isTrue();
        assertThat(asked.answerToo()).isTrue();
        assertThat(asked.reason()).contains("question about the rules");
        assertThat(notAsked.crisis()).isFalse();
    }

    private LearnedCrisisReader hearing(String message) {
        return new LearnedCrisisReader(EmbeddingModels.BGE_SMALL, embedder.embedQuery(message), 0, 0.9, 0, 0, 0.7);
    }

    /**
     * One sentence heard alone is the screen's weakest evidence (idioms live there): it raises a crisis
     * only where the learned reader gives the whole conversation its sentence support. Two readers
     * that hear nothing themselves, one supporting every sentence and one none.
     */
    @Test
    void should_let_one_sentence_raise_a_crisis_only_with_the_learned_readers_support() {
        String message = "This waiting list is killing me, three months for an intake! Will the new clinic ask"
                + " for my old records?";
        CrisisDetector patterns = new CrisisDetector(CrisisPatterns.fromResources());
        SemanticCrisisScreen semantic = SemanticCrisisScreen.fromResources(embedder);
        float[] silent = new float[384];
        LearnedCrisisReader supportsAll =
                new LearnedCrisisReader(EmbeddingModels.BGE_SMALL, silent, -30, 0.5, 0, 0, LearnedCrisisReader.NEVER);
        LearnedCrisisReader supportsNone =
                new LearnedCrisisReader(EmbeddingModels.BGE_SMALL, silent, -30, 0.5, 0, 0.5, LearnedCrisisReader.NEVER);

        CrisisAssessment supported =
                new LayeredCrisisScreen(patterns, semantic, supportsAll).assess(message, List.of());
        CrisisAssessment unsupported =
                new LayeredCrisisScreen(patterns, semantic, supportsNone).assess(message, List.of());

        assertThat(supported.crisis()).isTrue();
        assertThat(supported.reason()).contains("one sentence");
        assertThat(unsupported.crisis()).isFalse();
    }

    /**
     * Nearest examples hear some idioms as crises on the whole message; that alarm stands only where
     * the learned reader gives the conversation its whole-message support. Two readers that hear
     * nothing themselves, one supporting every alarm and one none.
     */
    @Test
    void should_let_the_semantic_screens_whole_message_alarm_stand_only_with_the_learned_readers_support() {
        String message = "Mondays are murder. That's all, just venting a bit before therapy.";
        CrisisDetector patterns = new CrisisDetector(CrisisPatterns.fromResources());
        SemanticCrisisScreen semantic = SemanticCrisisScreen.fromResources(embedder);
        float[] silent = new float[384];
        LearnedCrisisReader supportsAll =
                new LearnedCrisisReader(EmbeddingModels.BGE_SMALL, silent, -30, 0.5, 0, 0, LearnedCrisisReader.NEVER);
        LearnedCrisisReader supportsNone = new LearnedCrisisReader(
                EmbeddingModels.BGE_SMALL, silent, -30, 0.5, 0.5, 0.5, LearnedCrisisReader.NEVER);

        CrisisAssessment supported =
                new LayeredCrisisScreen(patterns, semantic, supportsAll).assess(message, List.of());
        CrisisAssessment unsupported =
                new LayeredCrisisScreen(patterns, semantic, supportsNone).assess(message, List.of());

        assertThat(patterns.assess(message, List.of()).crisis()).isFalse();
        assertThat(supported.crisis()).isTrue();
        assertThat(supported.reason()).isEqualTo("close in meaning to messages from people at risk");
        assertThat(unsupported.crisis()).isFalse();
    }

    @Test
    void should_ship_supports_below_its_own_threshold() {
        assertThat(shipped.sentenceSupport()).isGreaterThan(0).isLessThan(shipped.threshold());
        assertThat(shipped.wholeSupport()).isGreaterThan(0).isLessThan(shipped.threshold());
    }
}
