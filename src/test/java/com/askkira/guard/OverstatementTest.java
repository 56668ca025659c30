package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverstatementTest {
    private final Overstatement overstatement = new Overstatement();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Therapists in all 50 states are mandatory reporters of child abuse.|All 50 U.S. states designate"
                        + " mental health professionals as mandatory reporters.",
                "Every state makes therapists report child abuse.|All 50 US states designate mental health"
                        + " professionals as mandatory reporters.",
                "Therapists in all fifty states must report child abuse.|In all 50 states, therapists are required to"
                        + " report suspected child abuse."
            })
    void should_let_a_claim_say_every_state_when_its_passage_names_all_50_states(String claim, String passage) {
        assertThat(overstatement.beyond(claim, passage)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Every state requires therapists to report elder abuse.|Most states extend mandatory reporting to"
                        + " elder abuse.",
                "The duty to warn applies in all 50 U.S. states.|Tarasoff duties vary by state."
            })
    void should_flag_every_state_where_the_passage_says_less(String claim, String passage) {
        assertThat(overstatement.beyond(claim, passage)).contains("\"nationwide\"");
    }
}
