package com.askkira.answer;

import com.askkira.retrieval.Retrieval;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Starts a chat model's streamed answer from the same prompt {@link BlockingModelDrafter} sends: the
 * rules, the numbered passages, the question and, for a redraft, why the last answer was rejected.
 * Judging and releasing the text is the caller's work; nothing here reaches a reader.
 */
public final class StreamingModelDrafter implements Drafter {
    private final StreamingChatModel model;
    private final String modelName;
    private final Duration idle;
    private final Supplier<String> boundaries;

    public StreamingModelDrafter(StreamingChatModel model, String modelName, Duration idle) {
        this(model, modelName, idle, AnswerPrompt.randomBoundaries());
    }

    StreamingModelDrafter(StreamingChatModel model, String modelName, Duration idle, Supplier<String> boundaries) {
        this.model = Objects.requireNonNull(model, "model");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.idle = Objects.requireNonNull(idle, "idle");
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

    /** The model's reply to the passages of {@code retrieval}, arriving piece by piece. */
    @Override
    public ModelReply draft(String question, Retrieval retrieval, String rejectedBecause) {
        String boundary = boundaries.get();
        AnswerPrompt prompt = AnswerPrompt.of(question, retrieval.rankedPassages(), boundary);
        ModelReply reply = new ModelReply(boundary, idle);
        try {
            model.chat(
                    ChatRequest.builder()
                            .messages(prompt.messages(rejectedBecause))
                            .build(),
                    reply);
        } catch (RuntimeException refused) {
            // Some clients throw at once (a bad URL, a refused connection) instead of calling onError.
            reply.onError(refused);
        }
        return reply;
    }
}
