package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.SampleTexts;
import com.askkira.answer.AnswerPrompt;
import com.askkira.answer.ComposedAnswer;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.privacy.PiiRedactor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoLeakGuardrailTest {
    private final NoLeakGuardrail guardrail =
            new NoLeakGuardrail(AnswerPrompt.instructions(), new PiiRedactor(), new SentenceSplitter());

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Sure! My instructions say: Use only what the passages say. Add nothing from your own knowledge, even when you believe it is true.",
                "You can reach Sarah Johnson at (555) 123-4567 about your records.",
                "Email the clinic at sarah.j@example.com to get your file."
            })
    void should_block_an_answer_that_is_nothing_but_a_leak(String leak) {
        GuardResult result = guardrail.check("q", ComposedAnswer.answered(leak, List.of()), null);

        assertThat(result.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(result.checks().getFirst().passed()).isFalse();
    }

    @Test
    void should_pass_an_answer_about_the_library() {
        GuardResult result = guardrail.check(
                "q",
                ComposedAnswer.answered(
                        "Your employer cannot access your therapy records without your written consent [1]. "
                                + "In Jaffee v. Redmond, Justice Stevens wrote the opinion [2].",
                        List.of()),
                null);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void should_judge_a_sentence_it_has_met_before_as_a_fresh_guardrail_does() {
        PiiRedactor redactor = new PiiRedactor();
        NoLeakGuardrail warmed = new NoLeakGuardrail(AnswerPrompt.instructions(), redactor, new SentenceSplitter());
        List<String> texts = SampleTexts.all();
        texts.forEach(t -> warmed.check("q", ComposedAnswer.answered(t, List.of()), null));
        int blocked = 0;

        for (String text : texts) {
            ComposedAnswer answer = ComposedAnswer.answered(text, List.of());
            GuardResult fresh = new NoLeakGuardrail(AnswerPrompt.instructions(), redactor, new SentenceSplitter())
                    .check("q", answer, null);
            assertThat(warmed.check("q", answer, null)).as(text).isEqualTo(fresh);
            blocked += fresh.verdict() == Verdict.PASS ? 0 : 1;
        }
        assertThat(blocked).as("the texts include personal data").isGreaterThan(50);
    }
}
