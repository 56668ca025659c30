package com.askkira.pipeline;

import com.askkira.answer.Answerer;
import com.askkira.answer.ComposedAnswer;
import com.askkira.answer.Drafted;
import com.askkira.answer.NoAnswerAvailableException;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.guard.GuardResult;
import com.askkira.guard.Guardrail;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Turn;
import com.askkira.safety.Safety;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Answers one question: redact personal data, retrieve the passages, write the answer, guard it,
 * time each step. Nothing after the first step ever sees the reader's names, numbers or addresses.
 */
public final class AnswerService {
    /** Passages handed to the answerer. */
    static final int PASSAGES = 6;

    private final HybridRetriever retriever;
    private final Answerer answerer;
    private final Guardrail guardrail;
    private final SecureRandom random = new SecureRandom();
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final PiiRedactor redactor;

    public AnswerService(HybridRetriever retriever, Answerer answerer, Guardrail guardrail, PiiRedactor redactor) {
        this.retriever = retriever;
        this.answerer = answerer;
        this.guardrail = guardrail;
        this.redactor = redactor;
    }

    public AnswerResponse answer(AnswerRequest asked) {
        long start = System.nanoTime();
        AnswerRequest request = redacted(asked);
        Retrieval retrieval = retriever.retrieve(new RetrievalQuery(request.question(), request.history()), PASSAGES);
        long retrieved = System.nanoTime();
        Drafted drafted = draft(request.question(), retrieval);
        long generated = System.nanoTime();
        GuardResult guarded = guardrail.check(request.question(), drafted.answer(), retrieval);
        long done = System.nanoTime();
        ComposedAnswer answer = guarded.answer();
        return new AnswerResponse(
                newId(),
                answer.text(),
                answer.citations(),
                answer.abstained(),
                answer.abstainReason().orElse(null),
                Safety.none(),
                new AnswerResponse.Guardrail(guarded.verdict(), guarded.checks()),
                drafted.model(),
                drafted.degraded(),
                Timings.of(start, retrieved, generated, done));
    }

    /**
     * Answers like {@link #answer}, handing the text to {@code deltas} sentence by sentence: only
     * text of the final, guarded answer is ever released, and the pieces concatenate to it exactly.
     */
    public AnswerResponse stream(AnswerRequest request, Consumer<String> deltas) {
        AnswerResponse response = answer(request);
        String text = response.answer();
        List<Sentence> sentences = splitter.split(text);
        for (int i = 0; i < sentences.size(); i++) {
            int from = i == 0 ? 0 : sentences.get(i).start();
            int to = i + 1 < sentences.size() ? sentences.get(i + 1).start() : text.length();
            deltas.accept(text.substring(from, to));
        }
        if (sentences.isEmpty() && !text.isEmpty()) {
            deltas.accept(text);
        }
        return response;
    }

    public List<SearchResult> search(String query, int k) {
        if (query == null || query.isBlank()) {
            throw new KiraException.InvalidRequest("'q' is required and must not be empty");
        }
        if (query.strip().length() > AnswerRequest.MAX_QUESTION_CHARS) {
            throw new KiraException.InvalidRequest("'q' is over " + AnswerRequest.MAX_QUESTION_CHARS + " characters");
        }
        return retriever.retrieve(RetrievalQuery.of(query.strip()), k).passages().stream()
                .map(SearchResult::of)
                .toList();
    }

    private AnswerRequest redacted(AnswerRequest request) {
        List<Turn> history = request.history().stream()
                .map(t -> new Turn(t.role(), redactor.redact(t.content()).text()))
                .toList();
        return new AnswerRequest(redactor.redact(request.question()).text(), history);
    }

    /** A follow-up goes to the answerer resolved against the conversation ("…emails?" → "…video therapy… emails?"). */
    private Drafted draft(String question, Retrieval retrieval) {
        try {
            return answerer.draft(retrieval.followUp() ? retrieval.searchText() : question, retrieval);
        } catch (NoAnswerAvailableException e) {
            throw new KiraException.ModelUnavailable(e.getMessage());
        }
    }

    private String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "ans_" + HexFormat.of().formatHex(bytes);
    }
}
