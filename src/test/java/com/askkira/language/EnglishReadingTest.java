package com.askkira.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EnglishReadingTest {
    private final EnglishReading english = EnglishReading.fromResources();

    @Test
    void should_read_every_english_sentence_of_the_library_and_of_english_model_answers_as_written()
            throws IOException {
        List<String> texts = new ArrayList<>();
        SentenceSplitter splitter = new SentenceSplitter();
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                splitter.split(Files.readString(file)).stream()
                        .map(Sentence::text)
                        .forEach(texts::add);
            }
        }
        for (String set : List.of("/guard/model-answers.json", "/guard/model-answers-dev-2.json")) {
            try (InputStream in = getClass().getResourceAsStream(set)) {
                for (JsonNode a : new ObjectMapper().readTree(in).get("answers")) {
                    texts.add(a.get("question").asText());
                    splitter.split(a.get("answer").asText()).stream()
                            .map(Sentence::text)
                            .forEach(texts::add);
                }
            }
        }

        assertThat(texts)
                .hasSizeGreaterThan(1_000)
                .allSatisfy(t -> assertThat(english.of(t)).isEqualTo(t));
    }

    @Test
    void should_read_a_spanish_answer_sentence_in_the_librarys_english_words_without_its_marker() {
        String read = english.of("En la mayoría de los casos, su empleador no puede acceder a sus registros de terapia"
                + " sin su consentimiento por escrito [1].");

        assertThat(read)
                .contains("most cases")
                .contains("employer")
                .contains("records")
                .contains("therapy")
                .contains("consent")
                .doesNotContain("1");
    }

    @Test
    void should_gloss_answers_with_more_words_than_questions_are_read_by() {
        String sentence = "Una excepción es una reclamación de compensación laboral por una lesión psicológica.";

        assertThat(SpanishGloss.fromResources().gloss(sentence)).doesNotContain("workers' compensation");
        assertThat(english.of(sentence)).contains("workers' compensation").contains("psychological injury");
    }
}
