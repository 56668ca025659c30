package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Questions asked in Spanish are answered offline from the right English passages: the share
 * answered and the facts stated, on spanish/questions-es-dev.json. A dev set twice over: it guided
 * the bilingual glossary, and the answer decision is fitted on it.
 */
class SpanishAnswersDevTest {
    @Test
    void should_answer_questions_asked_in_spanish_and_state_their_facts() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/spanish/questions-es-dev.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int questions = 0, answered = 0, facts = 0, stated = 0;
        for (JsonNode q : root.get("questions")) {
            List<Turn> history = new ArrayList<>();
            q.path("history").forEach(h -> history.add(new Turn(Turn.Role.USER, h.asText())));
            AnswerResponse response = TestKira.shared()
                    .answers()
                    .answer(new AnswerRequest(q.get("question").asText(), history));
            questions++;
            answered += response.abstained() ? 0 : 1;
            String answer = response.answer().toLowerCase(Locale.ROOT);
            for (JsonNode fact : q.path("facts")) {
                facts++;
                boolean found = false;
                for (JsonNode phrase : fact) {
                    found |= answer.contains(phrase.asText().toLowerCase(Locale.ROOT));
                }
                stated += found ? 1 : 0;
            }
        }
        double answeredShare = (double) answered / questions;
        double factsShare = (double) stated / facts;
        System.out.printf(
                Locale.ROOT,
                "Spanish questions (dev): answered %.3f (%d/%d), facts stated %.3f (%d/%d)%n",
                answeredShare,
                answered,
                questions,
                factsShare,
                stated,
                facts);

        // Measured 38/60 answered and 33/104 facts with the decision fitted on English questions only; 58/60 and
        // 57/104 once it was fitted on these too (leaving each out of its own neighbours, it declined 2 of 60).
        assertThat(answeredShare).isGreaterThanOrEqualTo(0.95);
        assertThat(factsShare).isGreaterThanOrEqualTo(0.50);
    }
}
