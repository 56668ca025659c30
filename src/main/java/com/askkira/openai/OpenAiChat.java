package com.askkira.openai;

import com.askkira.pipeline.AnswerRequest;
import com.askkira.pipeline.AnswerResponse;
import com.askkira.pipeline.AnswerService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Answers a chat-completions request through the one answer path, {@link AnswerService}, whole or
 * streamed: a {@link ChatCompletion}, or {@link ChatCompletionChunk}s of the sentences the
 * guardrail released, as it released them.
 */
public final class OpenAiChat {
    /** The one model this face offers. */
    public static final String MODEL = "kira";

    private final AnswerService answers;
    private final ToIntFunction<String> tokens;
    private final Clock clock;
    private final long created;
    private final SecureRandom random = new SecureRandom();

    /** {@code tokens} counts the tokens of a text for {@code usage} ({@link TokenCounts}). */
    public OpenAiChat(AnswerService answers, ToIntFunction<String> tokens, Clock clock) {
        this.answers = answers;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.created = clock.instant().getEpochSecond();
    }

    /** A request read and checked before any answering starts, so bad input is refused before a stream opens. */
    public record Conversation(AnswerRequest question, int promptTokens) {}

    public Conversation read(ChatCompletionRequest request) {
        AnswerRequest question = ChatTranslator.question(request);
        int promptTokens = request.messages().stream()
                .mapToInt(m -> tokens.applyAsInt(m.content()))
                .sum();
        return new Conversation(question, promptTokens);
    }

    public ModelList models() {
        return new ModelList("list", List.of(new ModelList.Model(MODEL, "model", created, "ask-kira")));
    }

    /** The whole answer as a {@code chat.completion}; {@code origin} makes the sources' URLs absolute. */
    public ChatCompletion complete(Conversation conversation, String origin) {
        AnswerResponse response = answers.answer(conversation.question());
        String content = ChatTranslator.content(response, origin);
        return new ChatCompletion(
                newId(),
                "chat.completion",
                now(),
                MODEL,
                List.of(new ChatCompletion.Choice(0, new ChatCompletion.Message("assistant", content), "stop")),
                usage(conversation, content),
                ChatTranslator.citationUrls(response, origin),
                response);
    }

    /**
     * The answer as chunks: the role, then each sentence as the guardrail releases it (the same
     * release as {@code /v1/answers/stream}), the sources, and a last chunk with {@code
     * finish_reason: "stop"}, the usage and the {@code kira} response. The contents concatenate to
     * what {@link #complete} returns.
     */
    public void stream(Conversation conversation, String origin, Consumer<ChatCompletionChunk> chunks) {
        String id = newId();
        long at = now();
        chunks.accept(chunk(id, at, new ChatCompletionChunk.Delta("assistant", "")));
        AnswerResponse response = answers.stream(
                conversation.question(),
                text -> chunks.accept(chunk(id, at, new ChatCompletionChunk.Delta(null, text))));
        String sources = ChatTranslator.sources(response, origin);
        if (!sources.isEmpty()) {
            chunks.accept(chunk(id, at, new ChatCompletionChunk.Delta(null, sources)));
        }
        ChatCompletionChunk last = new ChatCompletionChunk(
                id,
                "chat.completion.chunk",
                at,
                MODEL,
                List.of(new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.Delta(null, null), "stop")),
                usage(conversation, ChatTranslator.content(response, origin)),
                ChatTranslator.citationUrls(response, origin),
                response);
        chunks.accept(last);
    }

    /** A chunk that adds {@code delta} to the message and is not the last. */
    private static ChatCompletionChunk chunk(String id, long at, ChatCompletionChunk.Delta delta) {
        return new ChatCompletionChunk(
                id,
                "chat.completion.chunk",
                at,
                MODEL,
                List.of(new ChatCompletionChunk.Choice(0, delta, null)),
                null,
                null,
                null);
    }

    private Usage usage(Conversation conversation, String content) {
        return Usage.of(conversation.promptTokens(), tokens.applyAsInt(content));
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    /** {@code chatcmpl-} and 24 hex digits, as OpenAI's ids look. */
    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "chatcmpl-" + HexFormat.of().formatHex(bytes);
    }
}
