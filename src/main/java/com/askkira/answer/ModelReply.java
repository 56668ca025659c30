package com.askkira.answer;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A model's reply as it streams in, read piece by piece by the thread that answers the reader.
 * The model's client pushes pieces from its own thread; {@link #next} waits for the next one, at
 * most {@code idle} each time, so a server that stalls midway is a failure, not a hung request.
 */
public final class ModelReply implements StreamingChatResponseHandler {
    private static final Object END = new Object();

    private final String boundary;
    private final Duration idle;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private volatile StreamingHandle handle;
    private volatile boolean cancelled;

    /**
     * @param boundary the prompt's per-request marker code: a reply containing it echoes the prompt
     * @param idle the longest wait for the next piece
     */
    public ModelReply(String boundary, Duration idle) {
        this.boundary = boundary;
        this.idle = idle;
    }

    /** A reply whose whole text is already here (a blocking model, the offline answerer). */
    public static ModelReply whole(String text, String boundary) {
        ModelReply reply = new ModelReply(boundary, Duration.ofSeconds(1));
        reply.onPartialResponse(text);
        reply.onCompleteResponse(null);
        return reply;
    }

    /** A reply that failed before it began: reading it throws {@link StreamFailed}. */
    public static ModelReply failed(Throwable failure) {
        ModelReply reply = new ModelReply("", Duration.ofSeconds(1));
        reply.onError(failure);
        return reply;
    }

    public String boundary() {
        return boundary;
    }

    /** The next piece of text, or empty when the reply is complete. */
    public Optional<String> next() {
        Object event;
        try {
            event = events.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamFailed("interrupted while waiting for the model", e);
        }
        if (event == null) {
            cancel();
            throw new StreamFailed("no text from the model for " + idle.toMillis() + " ms", null);
        }
        if (event == END) {
            return Optional.empty();
        }
        if (event instanceof Throwable failure) {
            throw new StreamFailed("the model's stream failed", failure);
        }
        return Optional.of((String) event);
    }

    /** Stops the model's stream, when its client can: Kira has all it will use. */
    public void cancel() {
        cancelled = true;
        StreamingHandle h = handle;
        if (h != null && !h.isCancelled()) {
            h.cancel();
        }
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle = context.streamingHandle();
        if (cancelled) {
            handle.cancel();
            return;
        }
        onPartialResponse(partial.text());
    }

    @Override
    public void onPartialResponse(String text) {
        if (text != null && !text.isEmpty()) {
            events.add(text);
        }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        events.add(END);
    }

    @Override
    public void onError(Throwable error) {
        events.add(error == null ? new IllegalStateException("unknown stream error") : error);
    }

    /** The stream broke off, stalled, or never started: handled like any model failure. */
    public static final class StreamFailed extends RuntimeException {
        StreamFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
