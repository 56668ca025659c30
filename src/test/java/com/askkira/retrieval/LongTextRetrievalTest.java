package com.askkira.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.index.KiraAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Texts past what Lucene builds one query from: a synonym graph over 1,000 positions ("Exceeded
 * maximum recursion level during graph analysis"), one boolean query over 1,024 clauses, or a whole
 * query over 1,024 leaves. A history turn may hold 4,000 characters and a workbench text 6,000, so
 * every one of them reaches the retriever through the API; each is searched, never a failure.
 */
class LongTextRetrievalTest {
    private final HybridRetriever retriever = TestKira.shared().retriever();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1,000 positions with a synonym graph", "1,100 clauses", "400 distinct words"})
    void should_search_a_text_longer_than_lucene_takes_in_one_query_by_its_first_words(String shape) {
        String text = text(shape);

        Retrieval alone = retriever.retrieve(RetrievalQuery.of(text), 5);
        Retrieval asContext = retriever.retrieve(
                new RetrievalQuery("And does that include emails?", List.of(new Turn(Turn.Role.USER, text))), 5);

        assertThat(alone.passages()).hasSize(5);
        assertThat(asContext.passages()).hasSize(5);
        assertThat(asContext.searchText())
                .as("the context stays whole for the embedding")
                .contains(text);
    }

    @Test
    void should_keep_the_start_of_a_text_up_to_its_first_positions_stop_words_counted() {
        FieldQueries queries = new FieldQueries(KiraAnalyzer.forQueries(Path.of("corpus/synonyms.txt")));
        String question = "Can my employer see my therapy records?";

        assertThat(queries.firstPositions(question, 3)).isEqualTo("Can my employer ");
        assertThat(queries.firstPositions(question, 0)).isEmpty();
        assertThat(queries.firstPositions(question, 100)).isEqualTo(question);
        assertThat(queries.firstPositions(question, Integer.MAX_VALUE)).isEqualTo(question);
    }

    private static String text(String shape) {
        return switch (shape) {
            // "mental health professional" is a multi-word synonym of "therapist": the query is a graph.
            case "1,000 positions with a synonym graph" -> "mental health professional " + "therapist ".repeat(1_000);
            // One clause a letter, repeated: one field's boolean query is over Lucene's 1,024 clauses.
            case "1,100 clauses" ->
                "duty to warn "
                        + "b c d e f g h j k l m n o p q r u v w x y z "
                                .repeat(50)
                                .substring(0, 2_200);
            // Distinct words, one leaf each in three fields: over 1,024 leaves, under 1,024 per field.
            case "400 distinct words" -> distinctWords(400);
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private static String distinctWords(int count) {
        List<String> words = new ArrayList<>();
        for (char a = 'b'; a <= 'z' && words.size() < count; a++) {
            for (char b = 'a'; b <= 'z' && words.size() < count; b++) {
                for (char c = 'a'; c <= 'z' && words.size() < count; c++) {
                    words.add("" + a + b + c);
                }
            }
        }
        return String.join(" ", words);
    }
}
