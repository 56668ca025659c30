package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfidentialityLimitsCheckTest {
    private final ConfidentialityLimitsCheck check = new ConfidentialityLimitsCheck();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ABSOLUTE_CONFIDENTIALITY   | Nothing you say ever leaves the room [1].
            ABSOLUTE_CONFIDENTIALITY   | Your therapist can't tell anyone, period [1].
            ABSOLUTE_CONFIDENTIALITY   | It's all sealed by law [2].
            ABSOLUTE_CONFIDENTIALITY   | Everything is 100% private [1].
            ABSOLUTE_CONFIDENTIALITY   | There are no exceptions [1].
            ABSOLUTE_CONFIDENTIALITY   | Your sessions are always confidential [1].
            ABSOLUTE_CONFIDENTIALITY   | No one can ever access your records [1].
            ABSOLUTE_CONFIDENTIALITY   | They will never share anything [1].
            LIMITS_NOT_NAMED           | What you tell your therapist stays private [1].
            SUBPOENA_FORCES_DISCLOSURE | A subpoena means your therapist must hand over your records [1].
            TARASOFF_UNIVERSAL         | Therapists everywhere must warn victims, and every state mandates a duty to warn [1].
            PARENTS_ALWAYS_OR_NEVER    | Parents can never see a minor's therapy notes [1].
            GROUP_MEMBERS_BOUND        | Other group members are bound by HIPAA to keep your story private [1].
            TELEHEALTH_AUTO_COMPLIANT  | Video therapy on FaceTime is automatically HIPAA compliant [1].
            STATE_VARIATION_OMITTED    | Therapists have a duty to warn an identifiable victim [1].
            DIAGNOSIS_OR_LEGAL_ADVICE  | It sounds like you have PTSD [1].
            DIAGNOSIS_OR_LEGAL_ADVICE  | You should sue your therapist, and you will win [1].
            DIAGNOSIS_OR_LEGAL_ADVICE  | File a motion to quash now [1].
            """)
    void should_flag_the_rule_the_sentence_breaks(LimitsRule rule, String answer) {
        assertThat(check.findings("", answer)).extracting(LimitsFinding::rule).contains(rule);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Confidentiality in therapy is not absolute [1].",
                "Therapy is confidential except when someone is in imminent danger [1].",
                "Your therapist generally cannot share what you say without your consent, except when the law requires it [1].",
                "A subpoena alone does not automatically require disclosure [1].",
                "A court order issued by a judge can compel disclosure of therapy records or testimony [1].",
                "Not all states have codified Tarasoff, but the principle has been widely adopted in clinical practice [1].",
                "Group members are not bound by the same legal obligations as the therapist [1].",
                "Consumer-grade apps generally do not meet HIPAA requirements [1].",
                "Parents and legal guardians generally have a right to access their child's medical records, but this right is not"
                        + " unlimited, and many states carve out protections for adolescents [1].",
                "All 50 U.S. states designate mental health professionals as mandatory reporters of suspected child abuse [1].",
                "It is a myth that nothing you say in therapy ever leaves the room [1].",
                "If you think you might have depression, a licensed clinician can assess that [1].",
                "The client may file a complaint with the therapist's licensing board [1].",
            })
    void should_pass_true_and_qualified_statements(String answer) {
        assertThat(check.findings("", answer)).isEmpty();
    }

    @Test
    void should_find_the_same_whether_a_sentence_was_judged_before_or_not() {
        String question = "Is therapy confidential?";
        List<String> answers = List.of(
                "Yes. Therapy is completely confidential.",
                "Therapy is confidential. A subpoena forces your therapist to hand over your records.",
                "A subpoena does not force disclosure. Every state requires therapists to warn potential victims.",
                "It is a myth that therapy is completely confidential. Group members are legally bound too.");
        assertThat(answers)
                .allSatisfy(answer -> assertThat(check.findings(question, answer))
                        .as("each answer breaks a rule")
                        .isNotEmpty());
        ConfidentialityLimitsCheck warmed = new ConfidentialityLimitsCheck();
        for (String answer : answers) {
            warmed.findings(question, answer);
            for (String sentence : answer.split("(?<=\\.) ")) {
                warmed.findings(question, sentence);
            }
        }

        for (String answer : answers) {
            assertThat(warmed.findings(question, answer))
                    .as(answer)
                    .isEqualTo(new ConfidentialityLimitsCheck().findings(question, answer));
            for (String sentence : answer.split("(?<=\\.) ")) {
                assertThat(warmed.findings(question, sentence))
                        .as(sentence)
                        .isEqualTo(new ConfidentialityLimitsCheck().findings(question, sentence));
            }
        }
    }

    @Test
    void should_report_the_sentence_as_written_with_its_marker() {
        List<LimitsFinding> findings =
                check.findings("", "Confidentiality has limits [1]. Nothing you say ever leaves the room [12].");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(LimitsRule.ABSOLUTE_CONFIDENTIALITY);
            assertThat(f.sentence()).isEqualTo("Nothing you say ever leaves the room [12].");
            assertThat(f.detail()).contains("nothing you say ever leaves");
        });
    }

    @Test
    void should_flag_a_general_statement_only_when_no_limit_is_named() {
        assertThat(check.findings("", "Therapy is confidential [1]. It is the basis of trust [1]."))
                .extracting(LimitsFinding::rule)
                .containsExactly(LimitsRule.LIMITS_NOT_NAMED);
        assertThat(check.findings(
                        "", "Therapy is confidential [1]. The exceptions include a risk of serious harm [1]."))
                .isEmpty();
    }

    @Test
    void should_not_ask_a_narrow_answer_to_name_the_limits() {
        assertThat(check.findings(
                        "Can my employer see my records?",
                        "Your employer cannot access your therapy records without your written consent [1]."))
                .isEmpty();
    }

    @Test
    void should_treat_a_bare_yes_to_a_general_question_as_a_general_statement() {
        String answer = "Yes [1]. Confidentiality is a foundational requirement of the therapeutic relationship [1].";

        assertThat(check.findings("Is therapy confidential?", answer))
                .extracting(LimitsFinding::rule)
                .containsExactly(LimitsRule.LIMITS_NOT_NAMED);
        assertThat(check.findings("Is my employer allowed to see my therapy records?", answer))
                .isEmpty();
    }

    @Test
    void should_report_a_missing_state_variation_once_per_answer() {
        String answer =
                "Therapists have a duty to warn identifiable victims [1]. Minors can consent to their own treatment at 14 [2].";

        assertThat(check.findings("", answer))
                .extracting(LimitsFinding::rule)
                .containsExactly(LimitsRule.STATE_VARIATION_OMITTED);
        assertThat(check.findings("", answer + " These rules vary by state [3]."))
                .isEmpty();
    }

    @Test
    void should_report_the_narrower_rule_for_a_sentence_about_parents() {
        assertThat(check.findings("", "A teenager's therapy is completely private from their parents [1]."))
                .extracting(LimitsFinding::rule)
                .contains(LimitsRule.PARENTS_ALWAYS_OR_NEVER)
                .doesNotContain(LimitsRule.ABSOLUTE_CONFIDENTIALITY);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            do I have depression?                                           | true
            Diagnose me                                                     | true
            what disorder do I have                                         | true
            Am I bipolar or just moody?                                     | true
            should I sue my therapist                                       | true
            will I win my custody case                                      | true
            what should I tell the judge                                    | true
            Do I have a strong case against my old counselor?               | true
            what happens if my therapist breaks confidentiality?            | false
            can I file a complaint with the licensing board?                | false
            what is the diagnosis code sent to insurers?                    | false
            Can a subpoena force my therapist to hand over my notes?        | false
            Will my diagnosis be shared with my employer?                   | false
            Is depression something my therapist has to report?            | false
            """)
    void should_tell_requests_for_a_diagnosis_or_legal_advice_from_questions_about_the_rules(
            String question, boolean unsafe) {
        assertThat(new UnsafeRequestDetector().asksForDiagnosisOrLegalAdvice(question))
                .isEqualTo(unsafe);
    }

    @Test
    void should_reject_a_pattern_table_that_uses_an_undefined_fragment() {
        assertThatThrownBy(() -> LimitsPatterns.parse(List.of("rule ABSOLUTE_CONFIDENTIALITY x", "  claim: {NOPE}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{NOPE} is not defined");
    }
}
