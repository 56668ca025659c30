package com.askkira.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.config.Tuning;
import com.askkira.index.KiraIndex;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A corrector that remembers what it mended gives what a fresh one gives, text for text. */
class SpellingCorrectorMemoTest {
    private static final Path SYNONYMS = Path.of("corpus/synonyms.txt");
    private static final float ACCURACY = (float) Tuning.defaults().retrieval().spellingAccuracy();

    @Test
    void should_mend_a_question_as_a_fresh_corrector_does_after_meeting_its_words_before() throws Exception {
        List<String> questions = new ArrayList<>(List.of(
                "is my confidentalty protected", "can a subpena get my therapst notes", "what is confidentalty"));
        for (String set : List.of("retrieval-dev", "retrieval-holdout", "abstention-dev", "abstention-holdout")) {
            new ObjectMapper()
                    .readTree(getClass().getResourceAsStream("/golden/" + set + ".json"))
                    .get("questions")
                    .forEach(q -> questions.add(q.get("question").asText()));
        }
        TestKira.shared(); // builds the index
        SpellingCorrector warmed = SpellingCorrector.knowingWordsOf(SYNONYMS, ACCURACY);
        try (KiraIndex index = KiraIndex.open(TestKira.sharedConfig().indexDir())) {
            int mended = index.withSearcher(searcher -> {
                for (String q : questions) {
                    warmed.corrections(q, searcher.getIndexReader());
                }
                int count = 0;
                for (String q : questions) {
                    Map<String, String> fresh = SpellingCorrector.knowingWordsOf(SYNONYMS, ACCURACY)
                            .corrections(q, searcher.getIndexReader());
                    assertThat(warmed.corrections(q, searcher.getIndexReader()))
                            .as(q)
                            .containsExactlyEntriesOf(fresh);
                    count += fresh.size();
                }
                return count;
            });
            assertThat(mended).as("some words are mended").isGreaterThan(3);
        }
    }
}
