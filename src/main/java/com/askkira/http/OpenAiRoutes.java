package com.askkira.http;

import com.askkira.openai.ChatCompletionRequest;
import com.askkira.openai.OpenAiChat;
import com.askkira.pipeline.KiraException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible face: {@code GET /v1/models} and {@code POST /v1/chat/completions}, whole or
 * streamed, over {@link OpenAiChat}. A question counts against the same per-client limit as {@code
 * /v1/answers}; errors are the contract's, with OpenAI's {@code type} added ({@link #PATHS}).
 */
final class OpenAiRoutes {
    static final String MODELS = "/v1/models";
    static final String COMPLETIONS = "/v1/chat/completions";
    /** The paths whose errors carry OpenAI's {@code type}. */
    static final Set<String> PATHS = Set.of(MODELS, COMPLETIONS);

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiRoutes.class);

    private final OpenAiChat chat;
    private final OpenAiRequestParser parser;
    private final ObjectMapper json;
    private final Consumer<Context> admitQuestion;

    /** {@code admitQuestion} counts a question against its client's limit, or refuses it with 429. */
    OpenAiRoutes(OpenAiChat chat, RequestParser parser, ObjectMapper json, Consumer<Context> admitQuestion) {
        this.chat = chat;
        this.parser = new OpenAiRequestParser(parser);
        this.json = json;
        this.admitQuestion = admitQuestion;
    }

    void register(JavalinConfig config) {
        config.routes.get(MODELS, ctx -> ctx.json(chat.models()));
        config.routes.post(COMPLETIONS, this::completions);
    }

    /**
     * The request is read, checked and counted before anything is sent, so bad input and the rate
     * limit are ordinary JSON errors; a stream then carries {@code data:} chunks and {@code data:
     * [DONE]}, or one {@code data:} error object (as OpenAI sends one) when the model fails.
     */
    private void completions(Context ctx) throws IOException {
        ChatCompletionRequest request = parser.parse(KiraServer.jsonBody(ctx));
        OpenAiChat.Conversation conversation = chat.read(request);
        admitQuestion.accept(ctx);
        String origin = origin(ctx);
        if (!request.stream()) {
            ctx.json(chat.complete(conversation, origin));
            return;
        }
        ctx.status(200).contentType("text/event-stream; charset=utf-8").header("X-Accel-Buffering", "no");
        SseWriter events = new SseWriter(ctx.res().getOutputStream(), json);
        try {
            chat.stream(conversation, origin, events::data);
            events.done();
        } catch (KiraException.ModelUnavailable e) {
            sendError(events, ErrorBody.of("model_unavailable", e.getMessage()).withOpenAiType(503));
        } catch (KiraException.Overloaded e) {
            // The role chunk is out already, so the refusal travels in the stream, as a model failure would.
            sendError(events, ErrorBody.of("overloaded", e.getMessage()).withOpenAiType(503));
        } catch (RuntimeException e) {
            // As on /v1/answers/stream: a failed write may surface wrapped, or at the next write.
            if (!events.clientGone()) {
                LOG.error("chat completion stream failed", e);
                sendError(
                        events,
                        ErrorBody.of("internal_error", "Something went wrong on our side. Please try again.")
                                .withOpenAiType(500));
            }
        }
    }

    private static void sendError(SseWriter events, ErrorBody error) {
        try {
            events.data(error);
        } catch (SseWriter.ClientGone e) {
            // Nobody is left to tell.
        }
    }

    /** Where the client reached this server ({@code http://host:port}), to make the sources' URLs absolute. */
    private static String origin(Context ctx) {
        String url = ctx.url();
        return url.substring(0, url.length() - ctx.path().length());
    }
}
