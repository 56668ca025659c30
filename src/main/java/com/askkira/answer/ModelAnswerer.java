package com.askkira.answer;

import com.askkira.retrieval.Retrieval;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes the answer with a chat model, from the retrieved passages only: the model sees them
 * numbered, cites them with {@code [n]}, and replies {@link AnswerPrompt#NOT_IN_LIBRARY} when they
 * do not answer, which becomes a {@code not_covered} abstention. Model failures are thrown, for
 * {@link FallbackAnswerer} to handle.
 */
public final class ModelAnswerer implements Answerer {
    private final ChatModel model;
    private final String modelName;
    private final AbstentionWriter abstentions;
    private final CitationLinker linker;
    private final Supplier<String> boundaries;

    public ModelAnswerer(ChatModel model, String modelName, AbstentionWriter abstentions, CitationLinker linker) {
        this(model, modelName, abstentions, linker, AnswerPrompt.randomBoundaries());
    }

    ModelAnswerer(
            ChatModel model,
            String modelName,
            AbstentionWriter abstentions,
            CitationLinker linker,
            Supplier<String> boundaries) {
        this.model = Objects.requireNonNull(model, "model");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.abstentions = Objects.requireNonNull(abstentions, "abstentions");
        this.linker = Objects.requireNonNull(linker, "linker");
        this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public ComposedAnswer answer(String question, Retrieval retrieval) {
        return answer(question, retrieval, "");
    }

    @Override
    public Optional<Drafted> redraft(String question, Retrieval retrieval, String reasons) {
        return Optional.of(new Drafted(answer(question, retrieval, reasons), modelName, false));
    }

    /** The answer, with the reasons a previous attempt was rejected when there are any. */
    private ComposedAnswer answer(String question, Retrieval retrieval, String rejectedBecause) {
        if (retrieval.passages().isEmpty()) {
            // Nothing to ground an answer in: asking the model could only invite a guess.
            return abstentions.write(AbstainReason.NOT_COVERED, retrieval.passages());
        }
        String boundary = boundaries.get();
        AnswerPrompt prompt = AnswerPrompt.of(question, retrieval.passages(), boundary);
        ChatResponse response = model.chat(
                ChatRequest.builder().messages(prompt.messages(rejectedBecause)).build());
        AiMessage message = response == null ? null : response.aiMessage();
        String text = message == null ? null : message.text();
        if (text == null || text.isBlank()) {
            throw new UnusableReply("the model returned no text");
        }
        if (text.toLowerCase(Locale.ROOT).contains(boundary.toLowerCase(Locale.ROOT))) {
            throw new UnusableReply("the model echoed the prompt's markers");
        }
        if (text.contains(AnswerPrompt.NOT_IN_LIBRARY)) {
            return abstentions.write(AbstainReason.NOT_COVERED, retrieval.passages());
        }
        return linker.link(text, retrieval);
    }

    /** A reply Kira cannot use (empty, or leaking the prompt): treated like any model failure. */
    public static final class UnusableReply extends RuntimeException {
        public UnusableReply(String message) {
            super(message);
        }
    }
}
