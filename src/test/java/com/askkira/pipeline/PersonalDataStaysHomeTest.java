package com.askkira.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.LogCapture;
import com.askkira.TestKira;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.AnswerFixtures;
import com.askkira.answer.BlockingModelDrafter;
import com.askkira.answer.SmallTalk;
import com.askkira.embedding.EmbeddingModels;
import com.askkira.guard.InputScreen;
import com.askkira.guard.UnsafeRequestDetector;
import com.askkira.insights.Insights;
import com.askkira.language.SpanishGloss;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.Turn;
import com.askkira.safety.CrisisDetector;
import com.askkira.safety.CrisisPatterns;
import com.askkira.safety.LayeredCrisisScreen;
import com.askkira.safety.SemanticCrisisScreen;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a reader tells Kira about themselves reaches neither the model server nor the log. */
class PersonalDataStaysHomeTest {
    private static final List<String> PERSONAL = List.of(
            "Sarah", "Johnson", "555", "123-4567", "sarah.j@example.com", "42 Maple Street", "03/14/1990", "Tom");

    private WireMockServer model;

    @BeforeEach
    void start() {
        model = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        model.start();
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"id": "chatcmpl-1", "object": "chat.completion", "created": 1764000000, "model": "gpt-4o-mini",
                         "choices": [{"index": 0, "finish_reason": "stop",
                           "message": {"role": "assistant", "content": "Your employer cannot access your therapy records without your written consent [1]."}}],
                         "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}}
                        """)));
    }

    @AfterEach
    void stop() {
        model.stop();
    }

    @Test
    void should_redact_personal_data_before_the_model_and_the_log_see_it() {
        var chatModel = OpenAiChatModel.builder()
                .baseUrl(model.baseUrl() + "/v1")
                .apiKey("test")
                .modelName("gpt-4o-mini")
                .maxRetries(0)
                .build();
        AbstentionWriter abstentions = new AbstentionWriter(List.of("Confidentiality in Therapy"), List.of());
        BlockingModelDrafter drafter = new BlockingModelDrafter(chatModel, "gpt-4o-mini");
        GuardedDrafter drafting = LightChecks.drafting(new AnswerFixtures.FakeOffline());
        AnswerPolicy policy = new AnswerPolicy(
                new InputScreen(
                        new PiiRedactor(),
                        new LayeredCrisisScreen(
                                new CrisisDetector(CrisisPatterns.fromResources()),
                                SemanticCrisisScreen.fromResources(EmbeddingModels.load(EmbeddingModels.BGE_SMALL))),
                        new UnsafeRequestDetector(),
                        SpanishGloss.fromResources()),
                new SmallTalk("confidentiality in therapy"),
                TestKira.shared().retriever(),
                drafting,
                drafter,
                drafter,
                LightChecks.judge(),
                abstentions,
                new AnswerIds(),
                CpuLane.forCores(8),
                PipelineMeter.NONE);
        AnswerService answers = new AnswerService(
                policy,
                TestKira.shared().retriever(),
                new Insights(
                        EmbeddingModels.load(EmbeddingModels.BGE_SMALL),
                        new PiiRedactor(),
                        Optional.empty(),
                        Clock.systemUTC()),
                CpuLane.forCores(8),
                PipelineMeter.NONE);

        AnswerResponse response;
        String logged;
        try (LogCapture log = new LogCapture()) {
            response = answers.answer(new AnswerRequest(
                    "I'm Sarah Johnson (DOB 03/14/1990), I live at 42 Maple Street, call me at (555) 123-4567 or"
                            + " sarah.j@example.com. Can my employer see my therapy records?",
                    List.of(new Turn(Turn.Role.USER, "My husband Tom says my boss will find out I'm in therapy."))));
            logged = log.text();
        }

        List<LoggedRequest> sent = model.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/v1/chat/completions")));
        assertThat(sent).hasSize(1);
        String body = sent.getFirst().getBodyAsString();
        assertThat(body)
                .contains("employer")
                .contains("[name]")
                .contains("[phone]")
                .contains("[email]");
        for (String personal : PERSONAL) {
            assertThat(body).as("sent to the model").doesNotContain(personal);
            assertThat(logged).as("logged").doesNotContain(personal);
            assertThat(response.answer()).as("answered").doesNotContain(personal);
        }
        assertThat(response.citations()).isNotEmpty();
    }
}
