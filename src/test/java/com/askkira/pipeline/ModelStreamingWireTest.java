package com.askkira.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.askkira.Kira;
import com.askkira.TestKira;
import com.askkira.answer.AbstainReason;
import com.askkira.answer.CitationMarkers;
import com.askkira.config.KiraConfig;
import com.askkira.guard.ConfidentialityLimitsCheck;
import com.askkira.guard.GuardCheck;
import com.askkira.guard.Verdict;
import com.askkira.language.SpanishGloss;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.ReaderRetriever;
import com.askkira.retrieval.RetrievalQuery;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real model streaming its answer, for each provider's real stream format served by WireMock:
 * sentences reach the reader one by one, only after they passed the checks; an overclaim never
 * does, even when the model streams it; a stream that breaks, stalls or never starts leaves the
 * reader with what was already checked, or the offline answer.
 */
class ModelStreamingWireTest {
    private static final String QUESTION = "Can my employer see my therapy records?";
    private static final String FIRST = "In most circumstances, no: your employer cannot access your therapy records"
            + " without your written consent [1].";
    private static final String SECOND =
            "HIPAA and state confidentiality laws protect mental health records from" + " employer access [1].";
    private static final String OVERCLAIM = "Nothing you say in therapy ever leaves the room, period [1].";
    private static final String GENERAL_QUESTION = "Is therapy confidential?";
    /** Breaks "name the limits" alone: a later sentence can cure it. */
    private static final String GENERAL = "Mental health professionals must protect the information clients share"
            + " during treatment, so what you say is kept confidential [1].";

    /** Names the limits, in a paraphrase of two library sentences; cited by {@link #limits()}. */
    private static final String LIMITS_TEXT = "Confidentiality in therapy is not absolute: there are legally defined"
            + " circumstances in which a therapist is required to breach confidentiality";

    /** {@link #QUESTION} as a reader who writes in Spanish asks it. */
    private static final String SPANISH_QUESTION = "¿Mi jefe puede ver mis registros de terapia?";
    /** {@link #FIRST} and {@link #SECOND} as a model writes them in Spanish, before their citation markers. */
    private static final String FIRST_ES =
            "En la mayoría de los casos, no: su empleador no puede acceder a sus registros"
                    + " de terapia sin su consentimiento por escrito";

    private static final String SECOND_ES =
            "La HIPAA y las leyes estatales de confidencialidad protegen los registros de"
                    + " salud mental del acceso del empleador";
    private static final String OVERCLAIM_ES =
            "Todo lo que usted dice en terapia es completamente confidencial, sin excepciones";

    private static final int TIMEOUT_MS = 1500;

    private static WireMockServer server;
    private static final Map<ProviderStream, Kira> KIRAS = new EnumMap<>(ProviderStream.class);

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        KiraConfig shared = TestKira.sharedConfig();
        TestKira.shared();
        for (ProviderStream provider : ProviderStream.values()) {
            Map<String, String> env = new HashMap<>();
            env.put("KIRA_CORPUS_DIR", shared.corpusDir().toString());
            env.put("KIRA_INDEX_DIR", shared.indexDir().toString());
            env.put("KIRA_MODEL_PROVIDER", provider.provider);
            env.put("KIRA_MODEL_BASE_URL", server.baseUrl() + provider.basePath);
            env.put("KIRA_MODEL_NAME", "test-model");
            env.put("KIRA_MODEL_TIMEOUT_MS", Integer.toString(TIMEOUT_MS));
            // Each test is a scenario of its own on one shared Kira: no circuit breaker remembering the last
            // test's failures (what it does is ModelCircuitBreakerTest's subject).
            env.put("KIRA_MODEL_BREAKER_OPEN_MS", "0");
            KIRAS.put(
                    provider,
                    Kira.start(KiraConfig.fromEnvironment(env), new PrintStream(PrintStream.nullOutputStream())));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Kira kira : KIRAS.values()) {
            kira.close();
        }
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_release_a_faithful_answer_sentence_by_sentence(ProviderStream provider) {
        stubStream(provider, FIRST + " " + SECOND, false);

        Streamed streamed = ask(provider, QUESTION);

        assertThat(streamed.deltas()).containsExactly(FIRST, " " + SECOND);
        assertThat(streamed.text()).isEqualTo(streamed.response().answer());
        assertThat(streamed.response().guardrail().verdict()).isEqualTo(Verdict.PASS);
        assertThat(streamed.response().model()).isEqualTo("test-model");
        assertThat(streamed.response().degraded()).isFalse();
        assertThat(streamed.response().citations())
                .singleElement()
                .satisfies(c -> assertThat(c.quote()).contains("Your employer cannot access your therapy records"));
        assertThat(requests(provider))
                .hasSize(1)
                .allSatisfy(body -> assertThat(body).containsPattern("\"stream\"\\s*:\\s*true"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_never_release_an_overclaim_that_the_model_streams(ProviderStream provider) {
        stubStream(provider, FIRST + " " + OVERCLAIM + " " + SECOND, false);

        Streamed streamed = ask(provider, QUESTION);

        assertThat(streamed.deltas())
                .isNotEmpty()
                .noneSatisfy(d -> assertThat(d).containsIgnoringCase("leaves the room"))
                .noneSatisfy(d -> assertThat(d).containsIgnoringCase("period"));
        assertThat(streamed.text())
                .isEqualTo(FIRST + " " + SECOND)
                .isEqualTo(streamed.response().answer());
        assertThat(streamed.response().guardrail().verdict()).isEqualTo(Verdict.REVISED);
        assertThat(streamed.response().guardrail().checks())
                .anySatisfy(c -> assertFailed(c, "confidentiality-limits", "ABSOLUTE_CONFIDENTIALITY"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_release_a_paraphrase_the_checks_cannot_confirm_in_its_passage_own_words(ProviderStream provider) {
        String paraphrase = "On top of that, your boss is shut out of your mental health file by HIPAA and by"
                + " state privacy statutes [1].";
        stubStream(provider, FIRST + " " + paraphrase, false);

        Streamed streamed = ask(provider, QUESTION);

        assertThat(streamed.deltas()).containsExactly(FIRST, " " + SECOND);
        assertThat(streamed.text()).isEqualTo(streamed.response().answer());
        assertThat(streamed.response().guardrail().verdict()).isEqualTo(Verdict.REVISED);
        assertThat(streamed.response().guardrail().checks())
                .anySatisfy(c -> assertFailed(c, "grounded", "replaced 1 sentence(s)"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_release_a_faithful_spanish_answer_in_spanish_citing_the_english_passage(ProviderStream provider) {
        String marker = " [" + numberOf(SPANISH_QUESTION, "Your employer cannot access your therapy records") + "].";
        String first = FIRST_ES + marker;
        String second = SECOND_ES + marker;
        stubStream(provider, first + " " + second, false);

        Streamed streamed = ask(provider, SPANISH_QUESTION);

        assertThat(streamed.deltas()).startsWith(first, " " + second);
        assertThat(streamed.text()).isEqualTo(streamed.response().answer());
        assertThat(streamed.response().guardrail().verdict()).isEqualTo(Verdict.PASS);
        assertThat(streamed.response().model()).isEqualTo("test-model");
        assertThat(streamed.response().citations())
                .singleElement()
                .satisfies(c -> assertThat(c.quote()).contains("Your employer cannot access your therapy records"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_never_release_an_overclaim_that_the_model_streams_in_spanish(ProviderStream provider) {
        String marker = " [" + numberOf(SPANISH_QUESTION, "Your employer cannot access your therapy records") + "].";
        String first = FIRST_ES + marker;
        String second = SECOND_ES + marker;
        stubStream(provider, first + " " + OVERCLAIM_ES + marker + " " + second, false);

        Streamed streamed = ask(provider, SPANISH_QUESTION);

        assertThat(streamed.deltas()).startsWith(first, " " + second);
        assertThat(streamed.text())
                .doesNotContain("consultorio")
                .isEqualTo(streamed.response().answer());
        assertThat(streamed.response().guardrail().verdict()).isEqualTo(Verdict.REVISED);
        assertThat(streamed.response().guardrail().checks())
                .anySatisfy(c -> assertFailed(c, "confidentiality-limits", "ABSOLUTE_CONFIDENTIALITY"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_redraft_an_attempt_that_failed_before_its_first_sentence_and_release_only_the_redraft(
            ProviderStream provider) {
        String rejected = OVERCLAIM + " Your therapist can never tell anyone what you say [1].";
        stubScenario(
                provider,
                List.of(
                        streamResponse(provider, rejected, false),
                        streamResponse(provider, FIRST + " " + SECOND, false)));

        Streamed streamed = ask(provider, QUESTION);

        assertThat(streamed.text())
                .isEqualTo(FIRST + " " + SECOND)
                .isEqualTo(streamed.response().answer());
        assertThat(streamed.response().guardrail().verdict()).isEqualTo(Verdict.REVISED);
        List<String> sent = requests(provider);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).contains("was rejected").contains("ABSOLUTE_CONFIDENTIALITY");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_answer_offline_when_the_model_keeps_failing_the_checks(ProviderStream provider) {
        stubStream(provider, OVERCLAIM, false);

        Streamed streamed = ask(provider, QUESTION);

        assertThat(streamed.deltas()).noneSatisfy(d -> assertThat(d).containsIgnoringCase("leaves the room"));
        assertThat(streamed.text()).isEqualTo(streamed.response().answer());
        assertThat(streamed.response().model()).isEqualTo("offline-extractive");
        assertThat(streamed.response().guardrail().verdict()).isEqualTo(Verdict.REVISED);
        assertThat(streamed.response().citations()).isNotEmpty();
        assertThat(requests(provider)).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_release_a_sentence_that_names_no_limit_once_a_later_one_names_them(ProviderStream provider) {
        String limits = limits();
        stubStream(provider, GENERAL + " " + limits, false);

        Streamed streamed = ask(provider, GENERAL_QUESTION);

        assertThat(streamed.deltas()).containsExactly(GENERAL, " " + limits);
        assertThat(streamed.response().guardrail().verdict()).isEqualTo(Verdict.PASS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_complete_an_answer_that_names_no_limit_with_the_library_sentence_that_does(ProviderStream provider) {
        stubStream(provider, GENERAL, false);

        Streamed streamed = ask(provider, GENERAL_QUESTION);

        assertThat(streamed.deltas()).hasSize(2).first().isEqualTo(GENERAL);
        assertThat(streamed.text()).isEqualTo(streamed.response().answer());
        assertThat(new ConfidentialityLimitsCheck().findings(GENERAL_QUESTION, streamed.text()))
                .isEmpty();
        // The added sentence is the library's own, quoted by the citation it carries.
        String added = CitationMarkers.strip(streamed.deltas().getLast());
        assertThat(streamed.response().citations())
                .anySatisfy(c -> assertThat(c.quote()).contains(added));
        assertThat(streamed.response().model()).isEqualTo("test-model");
        assertThat(streamed.response().guardrail().verdict()).isEqualTo(Verdict.REVISED);
        assertThat(requests(provider)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_keep_what_was_released_when_the_stream_is_cut_midway(ProviderStream provider) {
        stubStream(provider, FIRST + " " + SECOND + " Exceptions include workers' comp", true);

        Streamed streamed = ask(provider, QUESTION);

        assertThat(streamed.text())
                .isEqualTo(FIRST + " " + SECOND)
                .isEqualTo(streamed.response().answer());
        assertThat(streamed.response().degraded()).isTrue();
        assertThat(streamed.response().model()).isEqualTo("test-model");
        assertThat(streamed.response().answer()).doesNotContain("workers' comp");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_answer_offline_and_degraded_when_the_stream_is_cut_before_a_sentence_ends(ProviderStream provider) {
        stubStream(provider, "In most circumstances, no: your employer", true);

        assertOfflineDegraded(ask(provider, QUESTION));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_answer_offline_and_degraded_when_the_model_server_fails(ProviderStream provider) {
        for (ResponseDefinitionBuilder failure : List.of(
                aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(provider.error("server_error", "The server had an error")),
                aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", "20")
                        .withBody(provider.error("rate_limit_error", "Rate limit reached")),
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", provider.contentType)
                        .withBody(provider.malformed()),
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", provider.contentType)
                        .withBody(provider.body(List.of(FIRST), false))
                        .withFixedDelay(TIMEOUT_MS * 3))) {
            server.resetAll();
            server.stubFor(post(urlPathEqualTo(provider.path)).willReturn(failure));

            assertOfflineDegraded(ask(provider, QUESTION));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_abstain_when_the_model_streams_that_the_library_does_not_answer(ProviderStream provider) {
        stubStream(provider, "NOT_IN_LIBRARY", false);

        Streamed streamed = ask(provider, QUESTION);

        assertThat(streamed.response().abstained()).isTrue();
        assertThat(streamed.response().abstainReason()).isEqualTo(AbstainReason.NOT_COVERED);
        assertThat(streamed.text()).isEqualTo(streamed.response().answer()).doesNotContain("NOT_IN_LIBRARY");
    }

    /**
     * Labelled out_of_scope in abstention-dev. (The fitness-tracker question this test used before is
     * labelled not_covered there: health data, in the field; the decision now agrees with its label.)
     */
    private static final String OUTSIDE = "what's the confidentiality clause in an NDA for my startup supposed to say";

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderStream.class)
    void should_tell_a_question_outside_the_library_from_a_gap_in_it(ProviderStream provider) {
        stubStream(provider, "NOT_IN_LIBRARY", false);

        Streamed streamed = ask(provider, OUTSIDE);

        assertThat(streamed.response().abstainReason()).isEqualTo(AbstainReason.OUT_OF_SCOPE);
        assertThat(KIRAS.get(provider)
                        .answers()
                        .answer(new AnswerRequest(OUTSIDE, List.of()))
                        .abstainReason())
                .isEqualTo(AbstainReason.OUT_OF_SCOPE);
    }

    private static void assertOfflineDegraded(Streamed streamed) {
        assertThat(streamed.response().degraded()).isTrue();
        assertThat(streamed.response().model()).isEqualTo("offline-extractive");
        assertThat(streamed.response().citations()).isNotEmpty();
        assertThat(streamed.text()).isEqualTo(streamed.response().answer());
    }

    private static void assertFailed(GuardCheck check, String name, String detail) {
        assertThat(check.name()).isEqualTo(name);
        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).contains(detail);
    }

    private record Streamed(List<String> deltas, AnswerResponse response) {
        String text() {
            return String.join("", deltas);
        }
    }

    /**
     * {@link #LIMITS_TEXT} citing the passage it paraphrases, numbered as the answer path numbers
     * the passages it retrieves for {@link #GENERAL_QUESTION}: a model that cites it right passes.
     */
    private static String limits() {
        return LIMITS_TEXT + " [" + numberOf(GENERAL_QUESTION, "There are legally defined circumstances") + "].";
    }

    /** The number the answer path gives the passage holding {@code text} among those it retrieves for {@code question}. */
    private static int numberOf(String question, String text) {
        List<Passage> passages = ReaderRetriever.over(TestKira.shared().retriever(), SpanishGloss.fromResources())
                .retrieve(RetrievalQuery.of(question), 6)
                .passages();
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).chunk().text().contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("the search no longer finds the passage that says: " + text);
    }

    private static Streamed ask(ProviderStream provider, String question) {
        List<String> deltas = new ArrayList<>();
        AnswerResponse response =
                KIRAS.get(provider).answers().stream(new AnswerRequest(question, List.of()), deltas::add);
        return new Streamed(deltas, response);
    }

    /** The reply cut into word-sized pieces, as models stream it. */
    private static List<String> pieces(String reply) {
        List<String> pieces = new ArrayList<>();
        for (String word : reply.split("(?<= )")) {
            pieces.add(word);
        }
        return pieces;
    }

    private static ResponseDefinitionBuilder streamResponse(ProviderStream provider, String reply, boolean cut) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", provider.contentType)
                .withBody(provider.body(pieces(reply), cut));
    }

    private static void stubStream(ProviderStream provider, String reply, boolean cut) {
        server.stubFor(post(urlPathEqualTo(provider.path)).willReturn(streamResponse(provider, reply, cut)));
    }

    private static void stubScenario(ProviderStream provider, List<ResponseDefinitionBuilder> replies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.size(); i++) {
            String next = "reply " + (i + 1);
            server.stubFor(post(urlPathEqualTo(provider.path))
                    .inScenario("replies")
                    .whenScenarioStateIs(state)
                    .willReturn(replies.get(i))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private static List<String> requests(ProviderStream provider) {
        return server.findAll(postRequestedFor(urlPathEqualTo(provider.path))).stream()
                .map(LoggedRequest::getBodyAsString)
                .toList();
    }
}
