package com.askkira.guard;

import com.askkira.answer.AnswerPrompt;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.PassageContent;
import com.askkira.retrieval.Retrieval;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.ChatExecutor;
import dev.langchain4j.guardrail.GuardrailRequestParams;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.rag.AugmentationResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kira's output checks (citations valid, grounded, confidentiality limits, no diagnosis or legal
 * advice, no leak) as a LangChain4j {@link OutputGuardrail}, for an AI service that retrieves with
 * {@link com.askkira.retrieval.LibraryContentRetriever}: the answer is checked against exactly the
 * passages the service put in the prompt, by the same judge Kira's own answers pass
 * ({@link SentenceJudge}, sentence by sentence, then whole). An answer that passes as written
 * succeeds; any other is sent back once with the reasons (a reprompt), the policy Kira's own
 * pipeline follows.
 */
public final class LibraryOutputGuardrail implements OutputGuardrail {
    /** Outside an AI service there is no model to reprompt: the result says a reprompt is due, and that is all. */
    private static final ChatExecutor NO_MODEL = new ChatExecutor() {
        @Override
        public ChatResponse execute() {
            throw new UnsupportedOperationException("no model to reprompt outside an AI service");
        }

        @Override
        public ChatResponse execute(List<ChatMessage> messages) {
            throw new UnsupportedOperationException("no model to reprompt outside an AI service");
        }
    };

    private final SentenceJudge judge;

    public LibraryOutputGuardrail(SentenceJudge judge) {
        this.judge = Objects.requireNonNull(judge, "judge");
    }

    @Override
    public OutputGuardrailResult validate(OutputGuardrailRequest request) {
        String text = request.responseFromLLM().aiMessage().text();
        if (text == null || text.isBlank()) {
            return reprompt(
                    "the model returned no text", "Answer the question from the passages, citing them by number.");
        }
        if (text.strip().equals(AnswerPrompt.NOT_IN_LIBRARY)) {
            return success();
        }
        GuardrailRequestParams params = request.requestParams();
        String question = params.userMessageTemplate() == null ? "" : params.userMessageTemplate();
        Retrieval retrieval = Retrieval.of(question, passages(params.augmentationResult()));
        GuardResult result = judged(question, text, retrieval);
        boolean asWritten =
                result.answer().text().equals(judge.link(text, retrieval).text());
        if (result.verdict() == Verdict.PASS && asWritten) {
            return success();
        }
        String reasons = asWritten || !GuardCheck.reasons(result.checks()).isEmpty()
                ? GuardCheck.reasons(result.checks())
                : "the answer could not be released as written";
        return reprompt(
                "Kira's guardrail rejected the answer: " + reasons,
                "Your previous answer was rejected: " + reasons + ". Answer again, following every rule.");
    }

    /** An answer written elsewhere, checked against the passages it was written from, as inside an AI service. */
    public OutputGuardrailResult validate(String question, String answer, List<Passage> passages) {
        return validate(OutputGuardrailRequest.builder()
                .responseFromLLM(
                        ChatResponse.builder().aiMessage(AiMessage.from(answer)).build())
                .chatExecutor(NO_MODEL)
                .requestParams(GuardrailRequestParams.builder()
                        .userMessageTemplate(question)
                        .variables(Map.of())
                        .augmentationResult(
                                new AugmentationResult(UserMessage.from(question), PassageContent.of(passages)))
                        .build())
                .build());
    }

    /** What the reader of {@code answer} gets, written from {@code passages}: the answer as every check leaves it. */
    public GuardResult judged(String question, String answer, List<Passage> passages) {
        return judged(question, answer, Retrieval.of(question, passages));
    }

    private GuardResult judged(String question, String answer, Retrieval retrieval) {
        SentenceRelease release = judge.release(question, retrieval, "", released -> {});
        release.accept(answer);
        release.end(true);
        return release.result();
    }

    private static List<Passage> passages(AugmentationResult augmentation) {
        return augmentation == null ? List.of() : PassageContent.passages(augmentation.contents());
    }
}
