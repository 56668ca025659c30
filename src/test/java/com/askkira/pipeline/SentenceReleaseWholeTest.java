package com.askkira.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.guard.GuardResult;
import com.askkira.guard.SentenceJudge;
import com.askkira.guard.SentenceRelease;
import com.askkira.guard.Verdict;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kira's own answer is judged whole ({@link SentenceRelease#whole}), in one round over all its
 * sentences, instead of each sentence alone first as a stream's are: over the model-written
 * answers of the guard's sets that break the limits most, the two release the same text with the same verdict, and the same
 * checks pass and fail. What a failed check names may differ: a sentence withheld for a rule is
 * judged beside the whole answer at once, so a finding another sentence answers (the rule "varies
 * by state") is not named for it, as it was when it was judged alone.
 */
class SentenceReleaseWholeTest {
    private static final List<String> SETS = List.of(
            "/guard/model-answers.json",
            "/guard/model-answers-es-dev.json",
            "/guard/adversarial-answers.json",
            "/guard/limits-fresh-tune.json",
            "/guard/limits-fresh-holdout.json",
            "/guard/limits-fresh-holdout-2.json");

    @Test
    void should_judge_a_reply_read_whole_as_the_end_of_a_stream_of_it() throws IOException {
        SentenceJudge judge = LightChecks.judge();
        int answers = 0, revised = 0, named = 0;
        for (JsonNode item : items()) {
            String question = item.get("question").asText();
            String answer = item.get("answer").asText();
            Retrieval retrieval = TestKira.shared().retriever().retrieve(RetrievalQuery.of(question), 6);

            SentenceRelease streamed = judge.release(question, retrieval, "", text -> {});
            streamed.accept(answer);
            streamed.end(true);
            SentenceRelease whole = judge.release(question, retrieval, "", text -> {});
            whole.whole(answer);

            GuardResult expected = streamed.result();
            GuardResult actual = whole.result();
            assertThat(actual.verdict()).as(answer).isEqualTo(expected.verdict());
            assertThat(actual.answer()).as(answer).isEqualTo(expected.answer());
            assertThat(outcomes(actual)).as(answer).isEqualTo(outcomes(expected));
            answers++;
            named += actual.checks().equals(expected.checks()) ? 0 : 1;
            revised += expected.verdict() == Verdict.PASS ? 0 : 1;
        }
        assertThat(answers).isGreaterThan(500);
        assertThat(revised).as("answers the limits withheld or completed").isGreaterThan(240);
        System.out.printf(
                "%d answers, %d revised; %d with a failed check naming other findings%n", answers, revised, named);
        // 5 of 577 when written (session 20).
        assertThat(named).isLessThanOrEqualTo(5);
    }

    private static List<String> outcomes(GuardResult result) {
        return result.checks().stream().map(c -> c.name() + " " + c.passed()).toList();
    }

    private static List<JsonNode> items() throws IOException {
        List<JsonNode> items = new ArrayList<>();
        for (String set : SETS) {
            try (InputStream in = SentenceReleaseWholeTest.class.getResourceAsStream(set)) {
                new ObjectMapper().readTree(in).get("answers").forEach(items::add);
            }
        }
        return items;
    }
}
