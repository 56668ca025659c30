package com.askkira.pipeline;

import com.askkira.answer.Citation;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.insights.AnswerRecord;
import com.askkira.insights.Insights;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Retriever;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the HTTP layer and the command line ask of Kira: an answer, whole or streamed (both by
 * {@link AnswerPolicy}), counted for the content team's insights; the passages for a search; a
 * reader's rating.
 */
public final class AnswerService {
    private final AnswerPolicy policy;
    private final Retriever retriever;
    private final Insights insights;
    private final CpuLane lane;
    private final PipelineMeter meter;
    private final SentenceSplitter splitter = new SentenceSplitter();

    /** @param meter told of every answer returned (verdict, abstention, crisis: counts only) */
    public AnswerService(
            AnswerPolicy policy, Retriever retriever, Insights insights, CpuLane lane, PipelineMeter meter) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.insights = Objects.requireNonNull(insights, "insights");
        this.lane = Objects.requireNonNull(lane, "lane");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    /** The answer, whole: the stream collected. */
    public AnswerResponse answer(AnswerRequest request) {
        return recorded(policy.answer(request, AnswerPolicy.Delivery.WHOLE, text -> {}));
    }

    /**
     * The answer a reader would get, not counted in the insights: for the content team checking
     * answers and running the golden set on the live server.
     */
    public AnswerResponse preview(AnswerRequest request) {
        return policy.answer(request, AnswerPolicy.Delivery.WHOLE, text -> {}).response();
    }

    /**
     * Answers like {@link #answer}, handing the text to {@code deltas} sentence by sentence as it
     * passes the checks; a reply that was not streamed (crisis support, small talk, a decline) is
     * sent as its sentences. The pieces concatenate to the answer.
     */
    public AnswerResponse stream(AnswerRequest request, Consumer<String> deltas) {
        int[] sent = {0};
        AnswerPolicy.Answered answered = policy.answer(request, AnswerPolicy.Delivery.STREAMED, text -> {
            sent[0]++;
            deltas.accept(text);
        });
        if (sent[0] == 0) {
            sendBySentence(answered.response().answer(), deltas);
        }
        return recorded(answered);
    }

    /**
     * A reader's rating of an answer, for the content team's insights: one vote per answer, and
     * only on an answer this server gave recently, so that made-up votes cannot flood the insights.
     */
    public void rate(String answerId, String rating, String comment) {
        if (comment != null && TextLength.of(comment) > Insights.MAX_COMMENT_CHARS) {
            throw new KiraException.InvalidRequest(
                    "'comment' must be a string of at most " + Insights.MAX_COMMENT_CHARS + " characters");
        }
        switch (insights.rated(answerId, rating, comment)) {
            case RECORDED -> {}
            case UNKNOWN_ANSWER ->
                throw new KiraException.NotFound(
                        "No answer with this id is kept; feedback is taken on answers Kira gave within the retention period.");
            case ALREADY_RATED -> throw new KiraException.Conflict("This answer has been rated already.");
        }
    }

    /** The passages the answerer would see for {@code query}, best first. */
    public List<SearchResult> search(String query, int k) {
        if (BlankText.isBlank(query)) {
            throw new KiraException.InvalidRequest("'q' is required and must not be empty");
        }
        if (TextLength.of(query.strip()) > AnswerRequest.MAX_QUESTION_CHARS) {
            throw new KiraException.InvalidRequest("'q' is over " + AnswerRequest.MAX_QUESTION_CHARS + " characters");
        }
        return lane.call(() -> retriever.retrieve(RetrievalQuery.of(query.strip()), k).passages().stream()
                .map(SearchResult::of)
                .toList());
    }

    /** Counts the answer; the question (already redacted) goes along unless the reader is in crisis. */
    private AnswerResponse recorded(AnswerPolicy.Answered answered) {
        AnswerResponse response = answered.response();
        boolean crisis = response.safety().crisis();
        insights.answered(new AnswerRecord(
                insights.date(),
                response.id(),
                response.abstainReason() == null
                        ? null
                        : response.abstainReason().wireName(),
                crisis,
                response.citations().stream().map(Citation::section).toList(),
                crisis ? null : answered.question()));
        meter.answered(response);
        return response;
    }

    /** A whole answer, released as its sentences; the pieces concatenate to it exactly. */
    private void sendBySentence(String text, Consumer<String> deltas) {
        List<Sentence> sentences = splitter.split(text);
        for (int i = 0; i < sentences.size(); i++) {
            int from = i == 0 ? 0 : sentences.get(i).start();
            int to = i + 1 < sentences.size() ? sentences.get(i + 1).start() : text.length();
            deltas.accept(text.substring(from, to));
        }
        if (sentences.isEmpty() && !text.isEmpty()) {
            deltas.accept(text);
        }
    }
}
