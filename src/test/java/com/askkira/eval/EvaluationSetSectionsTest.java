package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A question whose expected section the library lacks is a miss no answer can mend, so a set that
 * names one measures nothing: the golden sets name the index's own section keys, and each frozen
 * set's names resolve to one section each.
 */
class EvaluationSetSectionsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "retrieval-dev.json",
                "retrieval-holdout.json",
                "everyday-dev.json",
                "everyday-holdout.json",
                "abstention-dev.json",
                "abstention-holdout.json",
                "abstention-holdout-2.json"
            })
    void should_name_only_sections_the_index_has(String file) {
        List<String> named = GoldenSets.named(file).questions().stream()
                .flatMap(q -> q.expected().stream())
                .toList();

        assertThat(named).allMatch(LibrarySections::isSectionKey, "a section key of the index");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "blind-4.json",
                "blind-5.json",
                "blind-6.json",
                "blind-7.json",
                "blind-8.json",
                "blind-10.json",
                "blind-11.json",
                "blind-12.json",
                "blind-13.json",
                "blind-14.json",
                "blind-15.json"
            })
    void should_resolve_every_section_a_frozen_set_names(String file) {
        assertThatCode(() -> BlindSets.read(file)).doesNotThrowAnyException();
    }

    @Test
    void should_refuse_a_name_that_resolves_to_no_section() {
        assertThatCode(() -> LibrarySections.resolve("confidentiality-in-therapy#no-such-heading"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_read_a_writers_spelling_of_an_anchor_as_the_section_it_names() {
        assertThat(LibrarySections.resolve("apa-ethics-code#recording-sessions-standard-4-03"))
                .isEqualTo("apa-ethics-code#recording-sessions-standard-403");
    }
}
