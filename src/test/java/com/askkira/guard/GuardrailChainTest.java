package com.askkira.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.ComposedAnswer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailChainTest {
    private final AbstentionWriter abstentions = new AbstentionWriter(List.of("Library"), List.of());
    private final ComposedAnswer original = ComposedAnswer.answered("Original [1].", List.of());
    private final ComposedAnswer revised = ComposedAnswer.answered("Revised [1].", List.of());

    private static Guardrail giving(Verdict verdict, ComposedAnswer answer, List<String> seen) {
        return (question, draft, retrieval) -> {
            seen.add(draft.text());
            return new GuardResult(
                    verdict, List.of(new GuardCheck(verdict.wireName(), verdict == Verdict.PASS, "")), answer);
        };
    }

    @Test
    void should_pass_the_revised_answer_on_and_report_the_strongest_verdict() {
        List<String> seen = new ArrayList<>();
        GuardResult result = new GuardrailChain(
                        List.of(giving(Verdict.REVISED, revised, seen), giving(Verdict.PASS, revised, seen)),
                        abstentions)
                .check("q", original, null);

        assertThat(seen).containsExactly("Original [1].", "Revised [1].");
        assertThat(result.verdict()).isEqualTo(Verdict.REVISED);
        assertThat(result.answer().text()).isEqualTo("Revised [1].");
        assertThat(result.checks()).hasSize(2);
    }

    @Test
    void should_replace_a_blocked_answer_with_a_safe_one_and_stop() {
        List<String> seen = new ArrayList<>();
        GuardResult result = new GuardrailChain(
                        List.of(giving(Verdict.BLOCKED, original, seen), giving(Verdict.PASS, original, seen)),
                        abstentions)
                .check("q", original, null);

        assertThat(seen).hasSize(1);
        assertThat(result.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(result.answer().abstainReason()).hasValue(AbstainReason.NOT_COVERED);
        assertThat(result.answer().citations()).isEmpty();
    }
}
