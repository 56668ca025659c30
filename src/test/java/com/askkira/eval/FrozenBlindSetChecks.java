package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every frozen blind set checks: its figures ({@link BlindSets.Figures}) are no worse than its
 * floor, the figures it gave when it was last read. A change that makes Kira worse on questions
 * nobody tuned for fails here; only aggregates are printed, never an item.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FrozenBlindSetChecks {
    private static final int ITEMS = 210;

    private final String file;
    private final String name;
    private final BlindSets.Figures floor;
    private List<BlindSets.Item> items;
    private BlindSets.Figures figures;

    FrozenBlindSetChecks(String file, String name, BlindSets.Figures floor) {
        this.file = file;
        this.name = name;
        this.floor = floor;
    }

    @BeforeAll
    void measure() throws IOException {
        items = BlindSets.read(file);
        figures = BlindSets.Figures.of(items);
        System.out.println(figures.table(name));
    }

    @Test
    void should_find_and_cite_an_answering_section_for_questions_it_should_answer() {
        assertThat(figures.searchHit3()).isGreaterThanOrEqualTo(floor.searchHit3() - 0.005);
        assertThat(figures.citationHit3()).isGreaterThanOrEqualTo(floor.citationHit3() - 0.005);
        assertThat(figures.facts()).isGreaterThanOrEqualTo(floor.facts() - 0.005);
        assertThat(figures.answerableDeclined()).isLessThanOrEqualTo(floor.answerableDeclined() + 0.005);
    }

    @Test
    void should_decline_gaps_and_questions_outside_the_field() {
        assertThat(figures.gapsDeclined()).isGreaterThanOrEqualTo(floor.gapsDeclined() - 0.005);
        assertThat(figures.outsideDeclined()).isGreaterThanOrEqualTo(floor.outsideDeclined() - 0.005);
    }

    @Test
    void should_give_help_lines_to_every_crisis_and_answer_look_alikes() {
        assertThat(figures.crisisRecall()).isGreaterThanOrEqualTo(floor.crisisRecall() - 0.005);
        assertThat(figures.spanishCrisisRecall()).isGreaterThanOrEqualTo(floor.spanishCrisisRecall() - 0.005);
        assertThat(figures.lookAlikesAnswered()).isGreaterThanOrEqualTo(floor.lookAlikesAnswered() - 0.005);
    }

    @Test
    void should_measure_the_whole_set() {
        assertThat(items).hasSize(ITEMS);
        assertThat(figures.answerable()).isEqualTo(floor.answerable());
        assertThat(figures.crisis()).isEqualTo(floor.crisis());
    }

    @Test
    void should_never_overclaim() {
        assertThat(figures.overclaims()).isZero();
    }
}
