package com.askkira.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.index.KiraAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryTermsTest {
    @Test
    void should_group_a_word_with_its_synonyms_and_keep_other_words_apart() {
        TermExtractor extractor = new TermExtractor(KiraAnalyzer.forQueries(Path.of("corpus/synonyms.txt")));

        List<Set<String>> groups = extractor.termGroups("does a subpoena reach my therapist's notes");

        Set<String> therapist =
                groups.stream().filter(g -> g.contains("therapist")).findFirst().orElseThrow();
        assertThat(therapist).contains("counselor").doesNotContain("subpoena", "note");
        assertThat(groups).anySatisfy(g -> assertThat(g).contains("subpoena").doesNotContain("therapist"));
        assertThat(groups).anySatisfy(g -> assertThat(g).contains("note").doesNotContain("therapist"));
    }

    @Test
    void should_count_a_group_once_however_many_of_its_synonyms_a_sentence_uses() {
        QueryTerms terms = new QueryTerms(
                List.of(Map.of("therapist", 1.0, "counselor", 2.0, "psychologist", 1.5), Map.of("subpoena", 3.0)));

        assertThat(terms.totalWeight()).isEqualTo(5.0);
        assertThat(terms.matchedWeight(Set.of("therapist", "counselor", "psychologist")))
                .isEqualTo(2.0);
        assertThat(terms.matchedWeight(Set.of("therapist", "subpoena"))).isEqualTo(4.0);
        assertThat(terms.matchedWeight(Set.of("court"))).isZero();
    }
}
