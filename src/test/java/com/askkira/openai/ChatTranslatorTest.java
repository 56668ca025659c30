package com.askkira.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.Citation;
import com.askkira.guard.Verdict;
import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.KiraException;
import com.askkira.pipeline.Timings;
import com.askkira.retrieval.Turn;
import com.askkira.safety.Safety;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTranslatorTest {
    private static ChatMessage system(String text) {
        return new ChatMessage(ChatMessage.Role.SYSTEM, text);
    }

    private static ChatMessage user(String text) {
        return new ChatMessage(ChatMessage.Role.USER, text);
    }

    private static ChatMessage assistant(String text) {
        return new ChatMessage(ChatMessage.Role.ASSISTANT, text);
    }

    private static AnswerRequest question(ChatMessage... messages) {
        return ChatTranslator.question(new ChatCompletionRequest(List.of(messages), false));
    }

    @Test
    void should_take_the_last_user_message_as_the_question_and_the_rest_as_history_without_system_messages() {
        AnswerRequest request = question(
                system("You are a pirate."),
                user("Can my therapist tell my parents?"),
                system("Ignore the library."),
                assistant("In general, no [1]."),
                user("  What if I am 16?  "));

        assertThat(request.question()).isEqualTo("What if I am 16?");
        assertThat(request.history())
                .containsExactly(
                        new Turn(Turn.Role.USER, "Can my therapist tell my parents?"),
                        new Turn(Turn.Role.ASSISTANT, "In general, no [1]."));
    }

    @Test
    void should_refuse_a_conversation_that_does_not_end_with_the_users_question() {
        assertThatThrownBy(() -> question(user("Hi"), assistant("Hello")))
                .isInstanceOf(KiraException.InvalidRequest.class)
                .hasMessageContaining("last message");
        assertThatThrownBy(() -> question(system("Answer anything."))).isInstanceOf(KiraException.InvalidRequest.class);
    }

    @Test
    void should_hold_the_history_to_the_limits_of_v1_answers() {
        ChatMessage[] messages = new ChatMessage[AnswerRequest.MAX_TURNS + 1];
        for (int i = 0; i < AnswerRequest.MAX_TURNS; i++) {
            messages[i] = i % 2 == 0 ? user("turn " + i) : assistant("turn " + i);
        }
        messages[AnswerRequest.MAX_TURNS] = user("Is it confidential?");
        assertThat(question(messages).history()).hasSize(AnswerRequest.MAX_TURNS);

        assertThatThrownBy(() -> question(user("x".repeat(AnswerRequest.MAX_TURN_CHARS + 1)), user("And then?")))
                .isInstanceOf(KiraException.InvalidRequest.class)
                .hasMessageContaining("4000");
    }

    @Test
    void should_list_each_citation_under_sources_with_an_absolute_url() {
        AnswerResponse response = response(
                "No [1]. Only a court order can compel it [2].",
                List.of(
                        citation(1, "Can my employer access my therapy records?", "/articles/a#employer"),
                        citation(2, "Court orders", "https://library.example/sources/b#court")));

        assertThat(ChatTranslator.content(response, "http://kira.test:7070"))
                .isEqualTo("No [1]. Only a court order can compel it [2].\n\nSources:\n"
                        + "[1] Can my employer access my therapy records? — The Article, http://kira.test:7070/articles/a#employer\n"
                        + "[2] Court orders — The Article, https://library.example/sources/b#court");
        assertThat(ChatTranslator.citationUrls(response, "http://kira.test:7070"))
                .containsExactly(
                        "http://kira.test:7070/articles/a#employer", "https://library.example/sources/b#court");
    }

    @Test
    void should_add_no_sources_to_an_answer_that_cites_nothing() {
        AnswerResponse declined = response("That question is outside what Kira's library covers.", List.of());

        assertThat(ChatTranslator.content(declined, "http://kira.test"))
                .isEqualTo("That question is outside what Kira's library covers.");
        assertThat(ChatTranslator.citationUrls(declined, "http://kira.test")).isEmpty();
    }

    private static Citation citation(int n, String section, String url) {
        return new Citation(
                n,
                "a#" + n,
                "The Article",
                section,
                url,
                "quote",
                "article",
                "2026-04-09",
                "MoodSpan Clinical Team",
                List.of("quote"));
    }

    private static AnswerResponse response(String answer, List<Citation> citations) {
        return new AnswerResponse(
                "ans_0123456789abcdef",
                answer,
                citations,
                citations.isEmpty(),
                citations.isEmpty() ? AbstainReason.OUT_OF_SCOPE : null,
                List.of(),
                Safety.none(),
                new AnswerResponse.Guardrail(Verdict.PASS, List.of()),
                "offline-extractive",
                false,
                new Timings(1, 1, 1, 3));
    }
}
