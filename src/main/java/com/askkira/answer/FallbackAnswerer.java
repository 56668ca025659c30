package com.askkira.answer;

import com.askkira.retrieval.Retrieval;
import dev.langchain4j.exception.HttpException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with the model, and with the offline answerer when the model fails (an HTTP error, a
 * timeout, a refused connection, a reply that cannot be read): a reader gets an extractive answer
 * marked degraded rather than an error. Only when the fallback fails too is the model unavailable.
 */
public final class FallbackAnswerer implements Answerer {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackAnswerer.class);

    private final Answerer model;
    private final Answerer fallback;

    public FallbackAnswerer(Answerer model, Answerer fallback) {
        this.model = Objects.requireNonNull(model, "model");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public String modelName() {
        return model.modelName();
    }

    @Override
    public ComposedAnswer answer(String question, Retrieval retrieval) {
        return draft(question, retrieval).answer();
    }

    /** The model's answer; or, if it fails, the fallback's, named after the fallback and degraded. */
    @Override
    public Drafted draft(String question, Retrieval retrieval) {
        try {
            ComposedAnswer answer = model.answer(question, retrieval);
            return new Drafted(notCoveredOrOutOfScope(answer, question, retrieval), model.modelName(), false);
        } catch (RuntimeException modelFailure) {
            // Class and status only: messages can carry the request or the server's echo of it.
            LOG.warn("Model {} failed ({}); answering offline", model.modelName(), describe(modelFailure));
            try {
                return new Drafted(fallback.answer(question, retrieval), fallback.modelName(), true);
            } catch (RuntimeException fallbackFailure) {
                LOG.error("Offline fallback failed too ({})", describe(fallbackFailure));
                throw new NoAnswerAvailableException("The answer model is unavailable; please try again later.");
            }
        }
    }

    /**
     * A model can only say that its passages do not answer; the offline answerer tells a question
     * outside the library's field from a gap in it, which is what the content team acts on.
     */
    private ComposedAnswer notCoveredOrOutOfScope(ComposedAnswer answer, String question, Retrieval retrieval) {
        if (answer.abstainReason().filter(r -> r == AbstainReason.NOT_COVERED).isEmpty()) {
            return answer;
        }
        ComposedAnswer offline = fallback.answer(question, retrieval);
        return offline.abstainReason()
                        .filter(r -> r == AbstainReason.OUT_OF_SCOPE)
                        .isPresent()
                ? offline
                : answer;
    }

    /** The model told why its answer was rejected; if it fails now, there is simply no redraft. */
    @Override
    public Optional<Drafted> redraft(String question, Retrieval retrieval, String reasons) {
        try {
            return model.redraft(question, retrieval, reasons);
        } catch (RuntimeException modelFailure) {
            LOG.warn("Model {} failed on a redraft ({})", model.modelName(), describe(modelFailure));
            return Optional.empty();
        }
    }

    @Override
    public boolean usesAModel() {
        return true;
    }

    @Override
    public Optional<Drafted> extractive(String question, Retrieval retrieval) {
        return Optional.of(fallback.draft(question, retrieval));
    }

    /** The exception's class, its root cause's class if different, and any HTTP status. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getName());
        Throwable root = failure;
        Integer status = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof HttpException http && status == null) {
                status = http.statusCode();
            }
            root = t;
        }
        if (root != failure) {
            text.append(" caused by ").append(root.getClass().getName());
        }
        if (status != null) {
            text.append(", HTTP ").append(status);
        }
        return text.toString();
    }
}
