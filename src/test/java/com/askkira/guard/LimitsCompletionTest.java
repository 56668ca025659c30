package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.retrieval.Retrieval;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsCompletionTest {
    private static final String QUESTION = "Does my therapist have to warn someone I threaten?";
    private static final String LIST = "tarasoff-v-regents#how-other-states-differ-0";
    private static final String INTRO = "tarasoff-v-regents#tarasoff-v-regents-of-the-university-of-california-1976-0";
    /** States the duty as a rule and never says that it varies by state. */
    private static final String ANSWER =
            "Under the 1976 Tarasoff decision, a therapist has a duty to protect a person whom a patient has threatened [1].";

    private final LimitsCompletion completion = new LimitsCompletion(new ConfidentialityLimitsCheck());

    private static Retrieval over(String... chunkIds) {
        return TestKira.shared().retriever().over(QUESTION, List.of(chunkIds));
    }

    @Test
    void should_complete_an_answer_that_leaves_out_the_variation_with_a_sentence_that_says_it() {
        var addition = completion.cure(QUESTION, ANSWER, over(LIST, INTRO)).orElseThrow();

        assertThat(addition.passage().chunk().id()).isEqualTo(INTRO);
        assertThat(addition.sentence().text()).contains("differ from state to state, so the case alone");
    }

    @Test
    void should_never_complete_with_one_piece_of_a_list() {
        // The list's lead-in and its first item each say the rule varies, but alone they mislead.
        assertThat(completion.cure(QUESTION, ANSWER, over(LIST))).isEmpty();
    }
}
