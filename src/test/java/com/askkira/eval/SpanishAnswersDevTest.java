package com.askkira.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.language.SpanishGloss;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.retrieval.ReaderRetriever;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Retriever;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Questions asked in Spanish are answered offline from the right English passages: the share whose
 * search finds a right section in its top 3, the share answered and the facts stated, on
 * spanish/questions-es-dev.json. A dev set twice over: it guided
 * the bilingual glossary, and the answer decision is fitted on it.
 */
class SpanishAnswersDevTest {
    @Test
    void should_answer_questions_asked_in_spanish_and_state_their_facts() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/spanish/questions-es-dev.json")) {
            root = new ObjectMapper().readTree(in);
        }
        Retriever reader = ReaderRetriever.over(TestKira.shared().retriever(), SpanishGloss.fromResources());
        int questions = 0, found = 0, answered = 0, facts = 0, stated = 0;
        for (JsonNode q : root.get("questions")) {
            List<Turn> history = new ArrayList<>();
            q.path("history").forEach(h -> history.add(new Turn(Turn.Role.USER, h.asText())));
            Set<String> expected = new HashSet<>();
            q.get("expected").forEach(e -> expected.add(e.asText()));
            found += reader.retrieve(new RetrievalQuery(q.get("question").asText(), history), 6).passages().stream()
                            .map(p -> p.chunk().sectionKey())
                            .distinct()
                            .limit(3)
                            .anyMatch(expected::contains)
                    ? 1
                    : 0;
            AnswerResponse response = TestKira.shared()
                    .answers()
                    .answer(new AnswerRequest(q.get("question").asText(), history));
            questions++;
            answered += response.abstained() ? 0 : 1;
            String answer = response.answer().toLowerCase(Locale.ROOT);
            for (JsonNode fact : q.path("facts")) {
                facts++;
                boolean said = false;
                for (JsonNode phrase : fact) {
                    said |= answer.contains(phrase.asText().toLowerCase(Locale.ROOT));
                }
                stated += said ? 1 : 0;
            }
        }
        double foundShare = (double) found / questions;
        double answeredShare = (double) answered / questions;
        double factsShare = (double) stated / facts;
        System.out.printf(
                Locale.ROOT,
                "Spanish questions (dev): a right section in the search's top 3 %.3f (%d/%d), answered %.3f (%d/%d),"
                        + " facts stated %.3f (%d/%d)%n",
                foundShare,
                found,
                questions,
                answeredShare,
                answered,
                questions,
                factsShare,
                stated,
                facts);

        // Measured 38/60 answered and 33/104 facts with the decision fitted on English questions only; 58/60 and
        // 57/104 once it was fitted on these too (leaving each out of its own neighbours, it declined 2 of 60).
        // Search 51/60 before the map covered the library's headings word by word and the everyday and
        // function words of questions, 59/60 after (answered 59/60, facts 64/104); answered 60/60 and facts 69/104 once
        // the spelling corrector left everyday English alone and the decision read the gap probe; facts 76/104 once a
        // short list was quoted whole; 74/104 with session 8's refitted decision and third section (two facts now
        // lost to a different first passage); 80/104 once the rest of the best sentence's section may join (session
        // 10), 77/104 once the gloss read verbs in any form and everyday words (search unchanged: three facts lost
        // to passages ranked differently); 80/104 on a processor with AVX-512, 87/104 once the learned fact
        // sentences join the answer (session 12).
        assertThat(foundShare).isGreaterThanOrEqualTo(0.95);
        assertThat(answeredShare).isGreaterThanOrEqualTo(0.95);
        assertThat(factsShare).isGreaterThanOrEqualTo(0.83);
    }
}
