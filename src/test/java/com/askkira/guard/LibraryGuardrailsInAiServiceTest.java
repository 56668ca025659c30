package com.askkira.guard;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.askkira.Kira;
import com.askkira.OpenAiWire;
import com.askkira.TestKira;
import com.askkira.answer.NumberedPassageInjector;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.guardrail.InputGuardrailException;
import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.langchain4j.guardrail.config.OutputGuardrailsConfig;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kira's retrieval, prompt layout and guardrails in LangChain4j's own terms, inside a plain
 * {@code AiServices} assistant talking to an OpenAI-compatible server (WireMock): the library as
 * its {@link dev.langchain4j.rag.content.retriever.ContentRetriever}, the numbered passages put in
 * by a {@link dev.langchain4j.rag.content.injector.ContentInjector}, the input and output
 * guardrails doing what they do in Kira's own pipeline.
 */
class LibraryGuardrailsInAiServiceTest {
    private static final String BOUNDARY = "b0undary7e5t";
    private static final String QUESTION = "Can my employer see my therapy records?";
    private static final String FAITHFUL = "In most circumstances, no: your employer cannot access your therapy records"
            + " without your written consent [1].";
    private static final String OVERCLAIM = "Nothing you say in therapy ever leaves the room, period [1].";

    interface LibraryAssistant {
        @SystemMessage(fromResource = "/prompts/system.txt")
        String answer(@UserMessage String question, @V("boundary") String boundary);
    }

    private static WireMockServer server;
    private static LibraryAssistant assistant;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Kira kira = TestKira.shared();
        assistant = AiServices.builder(LibraryAssistant.class)
                .chatModel(OpenAiChatModel.builder()
                        .baseUrl(server.baseUrl() + "/v1")
                        .apiKey("test")
                        .modelName("gpt-4o-mini")
                        .maxRetries(0)
                        .build())
                .retrievalAugmentor(DefaultRetrievalAugmentor.builder()
                        .contentRetriever(kira.contentRetriever(6))
                        .contentInjector(new NumberedPassageInjector(BOUNDARY))
                        .build())
                .inputGuardrails(kira.inputGuardrail())
                .outputGuardrails(kira.outputGuardrail())
                .outputGuardrailsConfig(
                        OutputGuardrailsConfig.builder().maxRetries(2).build())
                .build();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @Test
    void should_answer_from_numbered_library_passages_and_return_a_faithful_answer_as_written() {
        replies(FAITHFUL);

        assertThat(assistant.answer(QUESTION, BOUNDARY)).isEqualTo(FAITHFUL);

        List<String> sent = sent();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst())
                .contains("<<<PASSAGE [1] " + BOUNDARY + ">>>")
                .contains("Section: Can my employer access my therapy records?")
                .contains("<<<QUESTION " + BOUNDARY + ">>>");
    }

    @Test
    void should_reprompt_once_with_the_reason_when_the_model_overclaims() {
        replies(OVERCLAIM, FAITHFUL);

        assertThat(assistant.answer(QUESTION, BOUNDARY)).isEqualTo(FAITHFUL);

        List<String> sent = sent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).contains("was rejected").contains("ABSOLUTE_CONFIDENTIALITY");
    }

    @Test
    void should_refuse_to_return_an_answer_that_keeps_overclaiming() {
        replies(OVERCLAIM, OVERCLAIM);

        assertThatThrownBy(() -> assistant.answer(QUESTION, BOUNDARY)).isInstanceOf(OutputGuardrailException.class);
        assertThat(sent()).hasSize(2);
    }

    @Test
    void should_send_the_model_the_question_without_the_readers_personal_data() {
        replies(FAITHFUL);

        assistant.answer("I'm Sarah Johnson, call me at (555) 123-4567. " + QUESTION, BOUNDARY);

        assertThat(sent())
                .singleElement()
                .satisfies(body -> assertThat(body)
                        .doesNotContain("Sarah")
                        .doesNotContain("Johnson")
                        .doesNotContain("123-4567")
                        .contains("employer see my therapy records"));
    }

    @Test
    void should_stop_before_the_model_and_give_help_lines_to_a_reader_in_crisis() {
        replies(FAITHFUL);

        assertThatThrownBy(() -> assistant.answer("i have the pills saved up and tonight is the night", BOUNDARY))
                .isInstanceOf(InputGuardrailException.class)
                .hasMessageContaining("988");
        assertThat(sent()).isEmpty();
    }

    @Test
    void should_run_with_no_network_on_the_offline_chat_model_through_the_same_guardrails() {
        LibraryAssistant offline = AiServices.builder(LibraryAssistant.class)
                .chatModel(TestKira.shared().offlineChatModel())
                .retrievalAugmentor(DefaultRetrievalAugmentor.builder()
                        .contentRetriever(TestKira.shared().contentRetriever(6))
                        .contentInjector(new NumberedPassageInjector(BOUNDARY))
                        .build())
                .inputGuardrails(TestKira.shared().inputGuardrail())
                .outputGuardrails(TestKira.shared().outputGuardrail())
                .build();

        String answer = offline.answer(QUESTION, BOUNDARY);

        assertThat(answer).contains("employer").containsPattern("\\[\\d]");
        assertThat(sent()).isEmpty();
    }

    private static void replies(String... texts) {
        String state = Scenario.STARTED;
        for (int i = 0; i < texts.length; i++) {
            String next = "reply " + (i + 1);
            server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                    .inScenario("replies")
                    .whenScenarioStateIs(state)
                    .willReturn(okJson(OpenAiWire.completion(texts[i])))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private static List<String> sent() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .toList();
    }
}
