package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.answer.Citation;
import com.askkira.answer.ComposedAnswer;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.index.KiraAnalyzer;
import com.askkira.language.EnglishReading;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.TermExtractor;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroundedGuardrailTest {
    private static GroundedGuardrail guardrail;
    private static Retrieval retrieval;
    private static Passage first;

    @BeforeAll
    static void retrieve() {
        guardrail = new GroundedGuardrail(
                SupportJudge.fromResources(new SupportScorer(
                        EmbeddingModels.load(EmbeddingModels.BGE_SMALL),
                        new TermExtractor(KiraAnalyzer.forIndexing()))),
                new SentenceSplitter(),
                new ConfidentialityLimitsCheck(),
                EnglishReading.fromResources());
        // Three passages as the library ranks them for the question (the questions asked before aside).
        retrieval = TestKira.shared()
                .retriever()
                .withoutAskedBefore()
                .retrieve(RetrievalQuery.of("Can my employer see my therapy records?"), 3);
        first = retrieval.passages().getFirst();
    }

    private static ComposedAnswer citingFirst(String text) {
        String quote = first.chunk().sentences().getFirst().text();
        return ComposedAnswer.answered(text, List.of(Citation.of(1, first.chunk(), quote, List.of(quote))));
    }

    @Test
    void should_pass_sentences_quoted_from_the_passage_they_cite() {
        String quoted = first.chunk().sentences().getLast().text();
        GuardResult result = guardrail.check("q", citingFirst(quoted.replaceFirst("\\.$", " [1].")), retrieval);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void should_relink_a_true_sentence_that_cites_the_wrong_retrieved_passage() {
        String quoted = first.chunk().sentences().getLast().text().replaceFirst("\\.$", " [1].");
        String second =
                retrieval.passages().get(1).chunk().sentences().getFirst().text();
        String wronglyCited = second.replaceFirst("\\.$", " [1].");

        GuardResult result = guardrail.check("q", citingFirst(quoted + " " + wronglyCited), retrieval);

        assertThat(result.verdict()).isEqualTo(Verdict.REVISED);
        assertThat(result.answer().text()).isEqualTo(quoted + " " + second.replaceFirst("\\.$", " [2]."));
        assertThat(result.answer().citations()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(result.checks().getFirst().detail()).contains("re-linked 1 sentence");
    }

    @Test
    void should_remove_a_sentence_its_passage_does_not_support() {
        String quoted = first.chunk().sentences().getLast().text().replaceFirst("\\.$", " [1].");
        String invented = "Your employer receives a copy of every session note each month [1].";

        GuardResult result = guardrail.check("q", citingFirst(quoted + " " + invented), retrieval);

        assertThat(result.verdict()).isEqualTo(Verdict.REVISED);
        assertThat(result.answer().text()).isEqualTo(quoted);
        assertThat(result.checks().getFirst().passed()).isFalse();
    }

    @Test
    void should_block_an_answer_with_no_supported_sentence() {
        GuardResult result = guardrail.check(
                "q", citingFirst("Therapists must report any drug use to the police within a day [1]."), retrieval);

        assertThat(result.verdict()).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void should_replace_a_sentence_that_says_more_than_its_passage_with_its_passage_sentence_and_name_the_word() {
        String quoted = first.chunk().sentences().getLast().text().replaceFirst("\\.$", " [1].");
        String overstated =
                "Under no circumstances can your employer access your therapy records without your written consent [1].";

        GuardResult result = guardrail.check("q", citingFirst(quoted + " " + overstated), retrieval);

        assertThat(result.verdict()).isEqualTo(Verdict.REVISED);
        assertThat(result.answer().text())
                .isEqualTo(
                        quoted + " Your employer cannot access your therapy records without your written consent [1].");
        assertThat(result.checks().getFirst().detail())
                .contains("replaced 1 sentence(s)")
                .contains("\"any circumstances\"");
    }

    @Test
    void should_pass_a_faithful_paraphrase_in_other_words_than_its_passage() {
        String paraphrase = "Without your written OK, your boss has no way to get at your therapy records [1].";

        GuardResult result = guardrail.check("q", citingFirst(paraphrase), retrieval);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void should_put_the_passage_sentence_in_place_of_one_that_changes_its_rule() {
        String changed =
                "Your employer and every coworker can access your therapy records without your written consent [1].";

        GuardResult result = guardrail.check("q", citingFirst(changed), retrieval);

        assertThat(result.verdict()).isEqualTo(Verdict.REVISED);
        assertThat(result.answer().text())
                .isEqualTo("Your employer cannot access your therapy records without your written consent [1].");
        assertThat(result.answer().citations()).extracting(Citation::n).containsExactly(1);
    }

    @Test
    void should_not_repeat_a_passage_sentence_the_answer_already_has() {
        String quoted = "Your employer cannot access your therapy records without your written consent [1].";
        String overstated =
                "Under no circumstances can your employer access your therapy records without your written consent [1].";

        GuardResult result = guardrail.check("q", citingFirst(quoted + " " + overstated), retrieval);

        assertThat(result.answer().text()).isEqualTo(quoted);
        assertThat(result.checks().getFirst().detail()).contains("removed 1 sentence(s) saying more");
    }

    @Test
    void should_not_replace_a_spanish_sentence_with_an_english_one() {
        String quoted = first.chunk().sentences().getLast().text().replaceFirst("\\.$", " [1].");
        String overstated = "Bajo ninguna circunstancia su empleador puede acceder a sus registros de terapia"
                + " sin su consentimiento por escrito [1].";

        GuardResult result = guardrail.check("q", citingFirst(quoted + " " + overstated), retrieval);

        assertThat(result.answer().text()).isEqualTo(quoted);
    }

    @Test
    void should_name_the_confidentiality_rule_a_removed_sentence_breaks_so_a_redraft_is_told() {
        String quoted = first.chunk().sentences().getLast().text().replaceFirst("\\.$", " [1].");
        String overclaim = "Nothing you say in therapy ever leaves the room, period [1].";

        GuardResult result = guardrail.check("q", citingFirst(quoted + " " + overclaim), retrieval);

        assertThat(result.answer().text()).isEqualTo(quoted);
        assertThat(result.checks().getFirst().detail()).contains("ABSOLUTE_CONFIDENTIALITY");
    }
}
