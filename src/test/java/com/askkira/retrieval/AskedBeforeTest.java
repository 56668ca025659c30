package com.askkira.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.embedding.Embedder;
import java.util.List;
import org.junit.jupiter.api.Test;

class AskedBeforeTest {
    private static float[] unit(float... v) {
        return Embedder.normalized(v);
    }

    private static AskedBefore.Example example(String question, float[] vector, String... sections) {
        return new AskedBefore.Example(question, vector, List.of(sections));
    }

    @Test
    void should_rank_first_the_section_that_the_nearest_questions_were_answered_from() {
        AskedBefore asked = new AskedBefore(List.of(
                example("far", unit(0, 1, 0), "doc#far"),
                example("near", unit(1, 0.5f, 0), "doc#near"),
                example("nearer", unit(1, 0.4f, 0), "doc#near", "doc#also")));

        List<String> sections = asked.sections(unit(1, 0, 0));

        assertThat(sections).containsExactly("doc#near", "doc#also", "doc#far");
    }

    /** A visitor may ask a labelled question word for word; it is then measured as a new question would be. */
    @Test
    void should_never_let_a_labelled_question_vote_for_itself() {
        AskedBefore asked = new AskedBefore(List.of(
                example("the question itself", unit(1, 0, 0), "doc#own"),
                example("another", unit(0.6f, 0.8f, 0), "doc#other")));

        assertThat(asked.sections(unit(1, 0, 0))).containsExactly("doc#other");
    }

    @Test
    void should_give_no_sections_without_labelled_questions_or_a_question_vector() {
        assertThat(AskedBefore.NONE.sections(unit(1, 0, 0))).isEmpty();
        assertThat(new AskedBefore(List.of(example("q", unit(1, 0, 0), "doc#s"))).sections(new float[0]))
                .isEmpty();
    }

    @Test
    void should_keep_only_the_nearest_neighbours() {
        List<AskedBefore.Example> many = new java.util.ArrayList<>();
        for (int i = 0; i < AskedBefore.NEIGHBOURS; i++) {
            many.add(example("close " + i, unit(1, 0.3f + i * 0.02f, 0), "doc#close"));
        }
        many.add(example("far", unit(0, 0, 1), "doc#far"));

        assertThat(new AskedBefore(many).sections(unit(1, 0, 0))).containsExactly("doc#close");
    }
}
