package com.askkira.answer;

import com.askkira.retrieval.Retrieval;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Asks a chat model for the whole answer in one call (the provider's plain, non-streaming wire
 * format) from the rules, the numbered passages and the question ({@link AnswerPrompt}); the reply
 * is handed on as one piece, judged like any other. A failed call or an empty reply fails the reply.
 */
public final class BlockingModelDrafter implements Drafter {
    private final ChatModel model;
    private final String modelName;
    private final Supplier<String> boundaries;

    public BlockingModelDrafter(ChatModel model, String modelName) {
        this(model, modelName, AnswerPrompt.randomBoundaries());
    }

    BlockingModelDrafter(ChatModel model, String modelName, Supplier<String> boundaries) {
        this.model = Objects.requireNonNull(model, "model");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public boolean usesAModel() {
        return true;
    }

    @Override
    public ModelReply draft(String question, Retrieval retrieval, String rejectedBecause) {
        String boundary = boundaries.get();
        AnswerPrompt prompt = AnswerPrompt.of(question, retrieval.rankedPassages(), boundary);
        try {
            ChatResponse response = model.chat(ChatRequest.builder()
                    .messages(prompt.messages(rejectedBecause))
                    .build());
            AiMessage message = response == null ? null : response.aiMessage();
            String text = message == null ? null : message.text();
            if (text == null || text.isBlank()) {
                return ModelReply.failed(new UnusableReply("the model returned no text"));
            }
            return ModelReply.whole(text, boundary);
        } catch (RuntimeException failure) {
            return ModelReply.failed(failure);
        }
    }

    /** A reply Kira cannot use (empty): treated like any model failure. */
    public static final class UnusableReply extends RuntimeException {
        public UnusableReply(String message) {
            super(message);
        }
    }
}
