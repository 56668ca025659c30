package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.TestKira;
import com.askkira.answer.AbstainReason;
import com.askkira.answer.Citation;
import com.askkira.answer.CitationLinker;
import com.askkira.answer.CitationMarkers;
import com.askkira.answer.ComposedAnswer;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LimitsGuardrail}: pass, revise by completing or by dropping sentences, or block. */
class ConfidentialityLimitsGuardrailTest {
    /** The limits check reads only the question and the answer, never the retrieval. */
    private static final Retrieval NO_RETRIEVAL = null;

    private final LimitsGuardrail guardrail = new LimitsGuardrail(new ConfidentialityLimitsCheck());

    @Test
    void should_pass_an_answer_that_states_the_limits_unchanged() {
        ComposedAnswer answer = answer(
                "Confidentiality in therapy is not absolute [1]. A subpoena alone does not automatically require disclosure [2].",
                1,
                2);

        GuardResult result = guardrail.check("Is therapy confidential?", answer, NO_RETRIEVAL);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.answer()).isSameAs(answer);
        assertThat(result.checks())
                .extracting(GuardCheck::name)
                .containsExactly(LimitsGuardrail.LIMITS, LimitsGuardrail.ADVICE);
        assertThat(result.checks()).allMatch(GuardCheck::passed);
    }

    @Test
    void should_revise_by_dropping_the_one_bad_sentence_and_its_now_unused_citation() {
        ComposedAnswer answer = answer(
                "Nothing you say ever leaves the room [1]. Confidentiality in therapy is not absolute [2]."
                        + " A court order issued by a judge can compel disclosure of therapy records [3].",
                1,
                2,
                3);

        GuardResult result = guardrail.check("Is therapy confidential?", answer, NO_RETRIEVAL);

        assertThat(result.verdict()).isEqualTo(Verdict.REVISED);
        assertThat(result.answer().text())
                .isEqualTo("Confidentiality in therapy is not absolute [2]."
                        + " A court order issued by a judge can compel disclosure of therapy records [3].");
        assertThat(result.answer().citations()).extracting(Citation::n).containsExactly(2, 3);
        GuardCheck limits = result.checks().getFirst();
        assertThat(limits.passed()).isFalse();
        assertThat(limits.detail())
                .contains("ABSOLUTE_CONFIDENTIALITY")
                .hasSizeLessThanOrEqualTo(LimitsGuardrail.MAX_DETAIL);
        assertThat(result.checks().get(1).passed()).isTrue();
    }

    @Test
    void should_block_when_no_cited_sentence_would_remain() {
        ComposedAnswer answer = answer("Everything you tell your therapist is 100% private [1].", 1);

        GuardResult result = guardrail.check("Is therapy private?", answer, NO_RETRIEVAL);

        assertThat(result.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(result.answer()).isSameAs(answer);
        assertThat(result.checks().getFirst().detail()).contains("ABSOLUTE_CONFIDENTIALITY");
    }

    @Test
    void should_block_when_dropping_the_flagged_sentence_leaves_another_violation() {
        ComposedAnswer answer = answer(
                "Therapists have a duty to warn identifiable victims [1]. If a client threatens someone,"
                        + " the therapist must notify the police [2]. Confidentiality is not absolute [3].",
                1,
                2,
                3);

        GuardResult result = guardrail.check("When must my therapist warn someone?", answer, NO_RETRIEVAL);

        assertThat(result.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(result.answer()).isSameAs(answer);
        assertThat(result.checks().getFirst().detail()).contains("STATE_VARIATION_OMITTED");
    }

    @Test
    void should_report_a_diagnosis_in_its_own_check() {
        ComposedAnswer answer =
                answer("It sounds like you have PTSD [1]. Confidentiality in therapy is not absolute [2].", 1, 2);

        GuardResult result = guardrail.check("I keep having flashbacks. Is that confidential?", answer, NO_RETRIEVAL);

        assertThat(result.verdict()).isEqualTo(Verdict.REVISED);
        assertThat(result.answer().text()).isEqualTo("Confidentiality in therapy is not absolute [2].");
        assertThat(result.checks().get(0).passed()).isTrue();
        assertThat(result.checks().get(1).name()).isEqualTo("no-diagnosis-or-legal-advice");
        assertThat(result.checks().get(1).passed()).isFalse();
        assertThat(result.checks().get(1).detail()).contains("DIAGNOSIS_OR_LEGAL_ADVICE");
    }

    @Test
    void should_keep_the_detail_within_300_characters() {
        ComposedAnswer answer = answer(
                "Nothing you say in therapy ever leaves the room, not in any situation at all [1]."
                        + " A subpoena means your therapist must hand over every record you have ever created [1]."
                        + " Every state requires therapists to warn a potential victim of any threat you make [1]."
                        + " Parents can always see everything in their child's therapy records and notes [1]."
                        + " Other group members are legally bound to keep everything you share confidential [1]."
                        + " Telehealth sessions are automatically HIPAA compliant on any platform at all [1].",
                1);

        GuardResult result = guardrail.check("Tell me about confidentiality", answer, NO_RETRIEVAL);

        assertThat(result.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.detail()).hasSizeLessThanOrEqualTo(300));
        assertThat(result.checks().getFirst().detail())
                .contains("ABSOLUTE_CONFIDENTIALITY", "TELEHEALTH_AUTO_COMPLIANT");
    }

    @Test
    void should_complete_an_answer_that_names_no_limit_with_a_retrieved_sentence_that_does() {
        String question = "Is everything I tell my therapist kept confidential?";
        Retrieval retrieval = TestKira.shared().retriever().retrieve(RetrievalQuery.of(question), 6);
        ComposedAnswer answer = new CitationLinker(new SentenceSplitter())
                .link("Yes, what you share with your therapist is kept confidential [1].", retrieval);

        GuardResult result = guardrail.check(question, answer, retrieval);

        assertThat(result.verdict()).isEqualTo(Verdict.REVISED);
        assertThat(result.answer().text()).startsWith(answer.text() + " ");
        assertThat(new ConfidentialityLimitsCheck()
                        .findings(question, result.answer().text()))
                .isEmpty();
        String added = CitationMarkers.strip(
                result.answer().text().substring(answer.text().length()));
        int n = CitationMarkers.numbers(
                        result.answer().text().substring(answer.text().length()))
                .getFirst();
        Citation cited = result.answer().citations().stream()
                .filter(c -> c.n() == n)
                .findFirst()
                .orElseThrow();
        assertThat(cited.quote()).contains(added);
        assertThat(retrieval.passages().get(n - 1).chunk().text()).contains(cited.quote());
        assertThat(result.checks().getFirst().detail())
                .contains("LIMITS_NOT_NAMED", "completed from passage [" + n + "]");
    }

    @Test
    void should_pass_an_abstention() {
        ComposedAnswer abstention =
                ComposedAnswer.abstained("Kira's library doesn't answer that question yet.", AbstainReason.NOT_COVERED);

        GuardResult result = guardrail.check("What does therapy cost?", abstention, NO_RETRIEVAL);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.answer()).isSameAs(abstention);
    }

    private static ComposedAnswer answer(String text, int... numbers) {
        List<Citation> citations = Arrays.stream(numbers)
                .mapToObj(n -> new Citation(
                        n,
                        "doc#section-" + n,
                        "Title",
                        "Section",
                        "/articles/doc#section",
                        "quote " + n,
                        "article",
                        "2026-04-09",
                        "MoodSpan Clinical Team",
                        List.of("quote " + n)))
                .toList();
        return ComposedAnswer.answered(text, citations);
    }
}
