package com.askkira.pipeline;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.Answerer;
import com.askkira.answer.Citation;
import com.askkira.answer.ComposedAnswer;
import com.askkira.answer.Drafted;
import com.askkira.answer.NoAnswerAvailableException;
import com.askkira.answer.SmallTalk;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.guard.GuardCheck;
import com.askkira.guard.GuardResult;
import com.askkira.guard.Guardrail;
import com.askkira.guard.UnsafeRequestDetector;
import com.askkira.guard.Verdict;
import com.askkira.insights.AnswerRecord;
import com.askkira.insights.Insights;
import com.askkira.privacy.PiiRedactor;
import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.LibraryContentRetriever;
import com.askkira.retrieval.PassageContent;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Turn;
import com.askkira.safety.CrisisAssessment;
import com.askkira.safety.CrisisMessage;
import com.askkira.safety.CrisisScreen;
import com.askkira.safety.Safety;
import dev.langchain4j.rag.query.Query;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Answers one question: redact personal data, listen for crisis, retrieve the passages, write the
 * answer, guard it, time each step. Nothing after the first step ever sees the reader's names,
 * numbers or addresses; a reader at risk gets help lines before anything else.
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
    private final CrisisScreen crisis;
    private final AbstentionWriter abstentions;
    private final SmallTalk smallTalk;
    private final Optional<GuardedModelStream> modelStream;
    private final Insights insights;

    public AnswerService(
            HybridRetriever retriever,
            Answerer answerer,
            Guardrail guardrail,
            PiiRedactor redactor,
            CrisisScreen crisis,
            AbstentionWriter abstentions,
            SmallTalk smallTalk,
            Optional<GuardedModelStream> modelStream,
            Insights insights) {
        this.retriever = retriever;
        this.answerer = answerer;
        this.guardrail = guardrail;
        this.redactor = redactor;
        this.crisis = crisis;
        this.abstentions = abstentions;
        this.smallTalk = smallTalk;
        this.modelStream = modelStream;
        this.insights = insights;
    }

    public AnswerResponse answer(AnswerRequest asked) {
        AnswerRequest request = redacted(asked);
        return recorded(request, respond(request, Optional.empty()));
    }

    /**
     * Answers like {@link #answer}, handing the text to {@code deltas} sentence by sentence: only
     * text that passed the guardrail is ever released, and the pieces concatenate to the answer. A
     * streaming model's sentences are released as they pass; any other answer is guarded whole first.
     */
    public AnswerResponse stream(AnswerRequest asked, Consumer<String> deltas) {
        AnswerRequest request = redacted(asked);
        DeltaCounter counted = new DeltaCounter(deltas);
        AnswerResponse response = respond(request, Optional.of(counted));
        if (counted.sent == 0) {
            sendBySentence(response.answer(), deltas);
        }
        return recorded(request, response);
    }

    /**
     * A reader's rating of an answer, for the content team's insights: one vote per answer, and
     * only on an answer this server gave recently, so that made-up votes cannot flood the insights.
     */
    public void rate(String answerId, String rating, String comment) {
        if (comment != null && comment.length() > Insights.MAX_COMMENT_CHARS) {
            throw new KiraException.InvalidRequest(
                    "'comment' must be a string of at most " + Insights.MAX_COMMENT_CHARS + " characters");
        }
        switch (insights.rated(answerId, rating, comment)) {
            case RECORDED -> {}
            case UNKNOWN_ANSWER ->
                throw new KiraException.NotFound(
                        "No recent answer has this id; feedback is taken on the answers this server gave lately.");
            case ALREADY_RATED -> throw new KiraException.Conflict("This answer has been rated already.");
        }
    }

    /** Counts the answer for the insights; the question (already redacted) goes along unless the reader is in crisis. */
    private AnswerResponse recorded(AnswerRequest request, AnswerResponse response) {
        boolean crisis = response.safety().crisis();
        insights.answered(new AnswerRecord(
                insights.date(),
                response.id(),
                response.abstainReason() == null
                        ? null
                        : response.abstainReason().wireName(),
                crisis,
                response.citations().stream().map(Citation::section).toList(),
                crisis ? null : request.question()));
        return response;
    }

    /** Answers a request whose personal data is already redacted. */
    private AnswerResponse respond(AnswerRequest request, Optional<Consumer<String>> deltas) {
        long start = System.nanoTime();
        CrisisAssessment risk = crisis.assess(request.question(), request.history());
        if (risk.crisis() && !risk.answerToo()) {
            return crisisResponse(risk, start);
        }
        if (risk.crisis()) {
            return helpFirstThenAnswer(request, risk, start);
        }
        Optional<String> smallTalk = this.smallTalk.reply(request.question());
        if (smallTalk.isPresent()) {
            return fixedResponse(smallTalk.get(), Safety.none(), "small-talk", start);
        }
        Retrieval retrieval = retriever.retrieve(new RetrievalQuery(request.question(), request.history()), PASSAGES);
        long retrieved = System.nanoTime();
        GuardedDraft guarded;
        long generated;
        // A follow-up goes to the answerer resolved against the conversation ("…emails?" → "…video therapy… emails?").
        String question = retrieval.followUp() ? retrieval.searchText() : request.question();
        if (UnsafeRequestDetector.asksForDiagnosisOrLegalAdvice(request.question())) {
            // A request for a diagnosis or for advice on the reader's own legal case is declined before any model sees
            // it.
            Drafted declined =
                    new Drafted(abstentions.write(AbstainReason.UNSAFE, List.of()), answerer.modelName(), false);
            generated = System.nanoTime();
            guarded = guard(request.question(), declined, retrieval);
        } else if (deltas.isPresent()
                && modelStream.isPresent()
                && !retrieval.passages().isEmpty()) {
            // Writing and checking interleave, sentence by sentence: the time is reported as generation.
            guarded = modelStream.get().answer(question, retrieval, deltas.get());
            generated = System.nanoTime();
        } else {
            Drafted drafted = draft(question, retrieval);
            generated = System.nanoTime();
            guarded = guard(request.question(), drafted, retrieval);
        }
        long done = System.nanoTime();
        ComposedAnswer answer = guarded.result().answer();
        return new AnswerResponse(
                newId(),
                answer.text(),
                answer.citations(),
                answer.abstained(),
                answer.abstainReason().orElse(null),
                Safety.none(),
                new AnswerResponse.Guardrail(
                        guarded.result().verdict(), guarded.result().checks()),
                guarded.drafted().model(),
                guarded.drafted().degraded(),
                Timings.of(start, retrieved, generated, done));
    }

    /**
     * A reader at risk now gets support and help lines, not a quotation about confidentiality law:
     * what retrieval finds for "I have the pills saved up" is beside the point, and no model is
     * asked. The library stays one question away.
     */
    private AnswerResponse crisisResponse(CrisisAssessment risk, long start) {
        String text = CrisisMessage.lead(risk.kinds())
                + " When you feel ready, you can also ask me how confidentiality works in therapy.";
        return fixedResponse(text, CrisisScreen.safety(risk), "crisis-support", start);
    }

    /**
     * A crisis that leaves room for the reader's question ({@link CrisisAssessment#answerToo()}:
     * risk heard in one sentence only, a message that reads as a joke, or thoughts or self-harm told
     * with a question about the rules): help comes first, then the question is answered from the
     * library by the offline answerer, guarded as usual. No model sees a message that may be a
     * crisis; if the library cannot answer, the help stands alone.
     */
    private AnswerResponse helpFirstThenAnswer(AnswerRequest request, CrisisAssessment risk, long start) {
        Retrieval retrieval = retriever.retrieve(new RetrievalQuery(request.question(), request.history()), PASSAGES);
        long retrieved = System.nanoTime();
        String question = retrieval.followUp() ? retrieval.searchText() : request.question();
        Optional<Drafted> drafted = answerer.usesAModel()
                ? answerer.extractive(question, retrieval)
                : Optional.of(draft(question, retrieval));
        long generated = System.nanoTime();
        Optional<GuardResult> guarded = drafted.map(d -> guardrail.check(request.question(), d.answer(), retrieval))
                .filter(g -> g.verdict() != Verdict.BLOCKED && !g.answer().abstained());
        if (guarded.isEmpty()) {
            return crisisResponse(risk, start);
        }
        ComposedAnswer answer = guarded.get().answer();
        List<GuardCheck> checks = new ArrayList<>();
        checks.add(
                new GuardCheck("crisis-support", true, "help lines first, written by Kira; then the library's answer"));
        checks.addAll(guarded.get().checks());
        return new AnswerResponse(
                newId(),
                CrisisMessage.lead(risk.kinds()) + " About your question: " + answer.text(),
                answer.citations(),
                false,
                null,
                CrisisScreen.safety(risk),
                new AnswerResponse.Guardrail(guarded.get().verdict(), checks),
                drafted.get().model(),
                false,
                Timings.of(start, retrieved, generated, System.nanoTime()));
    }

    /**
     * A reply Kira writes itself, without the library or a model (crisis support, small talk). It
     * is not an abstention: there was no question about the library to decline.
     */
    private AnswerResponse fixedResponse(String text, Safety safety, String kind, long start) {
        long now = System.nanoTime();
        return new AnswerResponse(
                newId(),
                text,
                List.of(),
                false,
                null,
                safety,
                new AnswerResponse.Guardrail(
                        Verdict.PASS,
                        List.of(new GuardCheck(kind, true, "fixed text written by Kira; no model asked"))),
                kind,
                false,
                Timings.of(start, now, now, now));
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

    /** Counts what a model's stream released, so that an answer it did not stream is sent whole. */
    private static final class DeltaCounter implements Consumer<String> {
        private final Consumer<String> deltas;
        private int sent;

        DeltaCounter(Consumer<String> deltas) {
            this.deltas = deltas;
        }

        @Override
        public void accept(String text) {
            sent++;
            deltas.accept(text);
        }
    }

    public List<SearchResult> search(String query, int k) {
        if (query == null || query.isBlank()) {
            throw new KiraException.InvalidRequest("'q' is required and must not be empty");
        }
        if (query.strip().length() > AnswerRequest.MAX_QUESTION_CHARS) {
            throw new KiraException.InvalidRequest("'q' is over " + AnswerRequest.MAX_QUESTION_CHARS + " characters");
        }
        return PassageContent.passages(new LibraryContentRetriever(retriever, k).retrieve(Query.from(query.strip())))
                .stream()
                .map(SearchResult::of)
                .toList();
    }

    /**
     * A model's answer that fails a check gets one redraft, told why; if that fails too, the offline
     * extractive answer for the same passages stands in ({@code revised}); if even that fails, the
     * chain's safe replacement is returned ({@code blocked}). Every attempt's checks are reported.
     */
    private GuardedDraft guard(String question, Drafted first, Retrieval retrieval) {
        GuardResult result = guardrail.check(question, first.answer(), retrieval);
        if (result.verdict() == Verdict.PASS || first.degraded()) {
            return new GuardedDraft(result, first);
        }
        List<GuardCheck> checks = new ArrayList<>(result.checks());
        Optional<Drafted> redraft = answerer.redraft(question, retrieval, failed(result));
        if (redraft.isPresent()) {
            GuardResult second = guardrail.check(question, redraft.get().answer(), retrieval);
            checks.addAll(second.checks());
            if (second.verdict() == Verdict.PASS) {
                return new GuardedDraft(new GuardResult(Verdict.REVISED, checks, second.answer()), redraft.get());
            }
        }
        Optional<Drafted> extractive = answerer.extractive(question, retrieval);
        if (extractive.isPresent()) {
            GuardResult third = guardrail.check(question, extractive.get().answer(), retrieval);
            checks.addAll(third.checks());
            if (third.verdict() != Verdict.BLOCKED) {
                return new GuardedDraft(new GuardResult(Verdict.REVISED, checks, third.answer()), extractive.get());
            }
        }
        return new GuardedDraft(new GuardResult(result.verdict(), checks, result.answer()), first);
    }

    private static String failed(GuardResult result) {
        return String.join(
                "; ",
                result.checks().stream()
                        .filter(c -> !c.passed())
                        .map(c -> c.name() + " (" + c.detail() + ")")
                        .toList());
    }

    private AnswerRequest redacted(AnswerRequest request) {
        List<Turn> history = request.history().stream()
                .map(t -> new Turn(t.role(), redactor.redact(t.content()).text()))
                .toList();
        return new AnswerRequest(redactor.redact(request.question()).text(), history);
    }

    private Drafted draft(String question, Retrieval retrieval) {
        try {
            return answerer.draft(question, retrieval);
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
