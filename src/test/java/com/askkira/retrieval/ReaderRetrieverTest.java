package com.askkira.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.language.SpanishGloss;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReaderRetrieverTest {
    private final List<RetrievalQuery> searched = new ArrayList<>();
    private final ReaderRetriever retriever = ReaderRetriever.over(
            (query, k) -> {
                searched.add(query);
                return Retrieval.of(query.question(), List.of());
            },
            SpanishGloss.fromResources());

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Can my boss find out I'm in therapy? Just curious, thanks!    | Can my boss find out I'm in therapy?",
                "Can my boss find out I'm in therapy? [ref 12]                 | Can my boss find out I'm in therapy?",
                "Can my boss find out I'm in therapy? (asking for a friend)    | Can my boss find out I'm in therapy?",
                "Quick question, sorry if it's obvious: is therapy private?    | is therapy private?",
                "Is therapy private? Thanks in advance.                        | Is therapy private?",
                "Does the Privacy Rule (HIPAA) cover my therapist's notes?     | Does the Privacy Rule (HIPAA) cover my therapist's notes?",
                "What does 42 CFR Part 2 protect?                              | What does 42 CFR Part 2 protect?",
                "thanks                                                        | thanks"
            })
    void should_search_without_the_asides_that_say_nothing_about_the_question(String asked, String searchedFor) {
        retriever.retrieve(new RetrievalQuery(asked, List.of()), 3);

        assertThat(searched.getFirst().question()).isEqualTo(searchedFor);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "¿Mi jefe puede ver mis notas de terapia? | my boss can see my therapy notes",
                "si le digo a mi terapeuta que quiero matarme, llama a mis papas? | i want to kill myself"
            })
    void should_search_a_spanish_question_by_its_english_gloss(String asked, String glossed) {
        retriever.retrieve(new RetrievalQuery(asked, List.of()), 3);

        assertThat(searched.getFirst().question()).contains(glossed);
    }
}
