package com.askkira.pipeline;

import com.askkira.answer.AbstainReason;
import com.askkira.answer.AbstentionWriter;
import com.askkira.answer.ComposedAnswer;
import com.askkira.answer.Drafted;
import com.askkira.answer.Drafter;
import com.askkira.answer.SmallTalk;
import com.askkira.guard.GuardCheck;
import com.askkira.guard.GuardResult;
import com.askkira.guard.InputScreen;
import com.askkira.guard.ScreenedInput;
import com.askkira.guard.SentenceJudge;
import com.askkira.guard.Verdict;
import com.askkira.retrieval.Retrieval;
import com.askkira.retrieval.RetrievalQuery;
import com.askkira.retrieval.Retriever;
import com.askkira.safety.CrisisMessage;
import com.askkira.safety.CrisisScreen;
import com.askkira.safety.Safety;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How Kira answers one question, in its steps: screen the input (redact, crisis, declined
 * requests), retrieve the passages, draft and judge the answer ({@link GuardedDrafter}), respond.
 * A blocking answer is the stream collected: both go through the same steps and the same judge;
 * only the model's wire format differs.
 */
public final class AnswerPolicy {
    /** Passages handed to the drafter. */
    static final int PASSAGES = 6;

    static final String LIBRARY_IN_ENGLISH =
            "(La biblioteca de Kira está en inglés: esta respuesta cita sus fuentes tal como están escritas.)";

    /** Which model call a request makes: a streamed reply, or the whole reply at once. */
    public enum Delivery {
        STREAMED,
        WHOLE
    }

    /** A response, and the reader's question as redacted (what may be recorded). */
    public record Answered(String question, AnswerResponse response) {}

    private final InputScreen screen;
    private final SmallTalk smallTalk;
    private final Retriever retriever;
    private final GuardedDrafter drafting;
    private final Drafter streaming;
    private final Drafter whole;
    private final SentenceJudge judge;
    private final AbstentionWriter abstentions;
    private final Supplier<String> ids;
    private final CpuLane lane;
    private final PipelineMeter meter;

    /**
     * @param streaming the drafter for streamed answers
     * @param whole the drafter for blocking answers (the same one offline)
     * @param lane where the CPU work of an answer runs (all of it offline; all but the model call otherwise)
     * @param meter told how long each stage of every answer took
     */
    public AnswerPolicy(
            InputScreen screen,
            SmallTalk smallTalk,
            Retriever retriever,
            GuardedDrafter drafting,
            Drafter streaming,
            Drafter whole,
            SentenceJudge judge,
            AbstentionWriter abstentions,
            Supplier<String> ids,
            CpuLane lane,
            PipelineMeter meter) {
        this.screen = Objects.requireNonNull(screen, "screen");
        this.smallTalk = Objects.requireNonNull(smallTalk, "smallTalk");
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.drafting = Objects.requireNonNull(drafting, "drafting");
        this.streaming = Objects.requireNonNull(streaming, "streaming");
        this.whole = Objects.requireNonNull(whole, "whole");
        this.judge = Objects.requireNonNull(judge, "judge");
        this.abstentions = Objects.requireNonNull(abstentions, "abstentions");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.lane = Objects.requireNonNull(lane, "lane");
        this.meter = Objects.requireNonNull(meter, "meter");
    }

    /** The name of the model that writes answers (the offline answerer's when there is none). */
    public String modelName() {
        return streaming.modelName();
    }

    /**
     * Answers {@code request}; every piece of text handed to {@code deltas} passed the checks, and
     * the pieces concatenate to the answer. A reply Kira writes itself is not streamed: the caller
     * sends it whole.
     */
    public Answered answer(AnswerRequest request, Delivery delivery, Consumer<String> deltas) {
        long start = System.nanoTime();
        Prepared prepared = lane.call(() -> prepare(request, start));
        if (prepared.reply().isPresent()) {
            return prepared.reply().get();
        }
        Drafter drafter = delivery == Delivery.STREAMED ? streaming : whole;
        if (prepared.input().risk().crisis() || !drafter.usesAModel()) {
            // Composed and judged here, all CPU: on the lane, with the released text passed on from
            // this thread, so a reader slow to take a stream never holds a lane thread.
            List<String> released = new ArrayList<>();
            Answered answered = lane.resume(() -> draft(prepared, drafter, released::add, start));
            released.forEach(deltas);
            return answered;
        }
        // A model call waits on the network: this (virtual) thread waits for it, not the lane.
        return draft(prepared, drafter, deltas, start);
    }

    /** The screened input and its passages, or the reply that needs neither library nor model. */
    private record Prepared(ScreenedInput input, Retrieval retrieval, long retrieved, Optional<Answered> reply) {
        static Prepared replied(ScreenedInput input, AnswerResponse response) {
            return new Prepared(input, null, 0, Optional.of(new Answered(input.question(), response)));
        }
    }

    private Prepared prepare(AnswerRequest request, long start) {
        ScreenedInput input = screen.screen(request.question(), request.history());
        long screened = System.nanoTime();
        meter.stage(PipelineMeter.Stage.SCREEN, screened - start);
        if (input.risk().crisis() && !input.risk().answerToo()) {
            return Prepared.replied(input, crisisSupport(input, start));
        }
        if (input.unsafeRequest()) {
            // A reader at risk who also asks for a diagnosis gets the help lines, not a refusal.
            return Prepared.replied(
                    input, input.risk().crisis() ? crisisSupport(input, start) : declinedUnsafe(input, start));
        }
        Optional<String> chat = smallTalk.reply(input.question());
        if (chat.isPresent()) {
            return Prepared.replied(input, fixed(chat.get(), Safety.none(), "small-talk", start));
        }
        Retrieval retrieval = retriever.retrieve(new RetrievalQuery(input.question(), input.history()), PASSAGES);
        long retrieved = System.nanoTime();
        meter.stage(PipelineMeter.Stage.RETRIEVE, retrieved - screened);
        return new Prepared(input, retrieval, retrieved, Optional.empty());
    }

    private Answered draft(Prepared prepared, Drafter drafter, Consumer<String> deltas, long start) {
        ScreenedInput input = prepared.input();
        Retrieval retrieval = prepared.retrieval();
        long retrieved = prepared.retrieved();
        // A follow-up is drafted resolved against the conversation ("…emails?" → "…video therapy… emails?").
        String question = retrieval.followUp() ? retrieval.searchText() : input.question();
        if (input.risk().crisis()) {
            return new Answered(input.question(), helpFirstThenAnswer(input, question, retrieval, start, retrieved));
        }
        int[] streamed = {0};
        GuardedDraft guarded = drafting.draft(question, retrieval, drafter, text -> {
            streamed[0]++;
            deltas.accept(text);
        });
        measure(guarded, retrieved);
        AnswerResponse response =
                response(guarded, Safety.none(), guarded.result().checks(), start, retrieved);
        if (input.spanish()) {
            // The library is English: say so, in the reader's language, after the answer it gives.
            if (streamed[0] > 0) {
                deltas.accept(" " + LIBRARY_IN_ENGLISH);
            }
            response = response.withAnswer(response.answer() + " " + LIBRARY_IN_ENGLISH);
        }
        return new Answered(input.question(), response);
    }

    /** Drafting and judging interleave: the judging is the guard's time, the rest the draft's. */
    private void measure(GuardedDraft guarded, long draftStart) {
        long elapsed = System.nanoTime() - draftStart;
        long judging = Math.min(guarded.judgingNanos(), elapsed);
        meter.stage(PipelineMeter.Stage.DRAFT, elapsed - judging);
        meter.stage(PipelineMeter.Stage.GUARD, judging);
    }

    private AnswerResponse response(
            GuardedDraft guarded, Safety safety, List<GuardCheck> checks, long start, long retrieved) {
        ComposedAnswer answer = guarded.result().answer();
        return new AnswerResponse(
                ids.get(),
                answer.text(),
                answer.citations(),
                answer.abstained(),
                answer.abstainReason().orElse(null),
                answer.related(),
                safety,
                new AnswerResponse.Guardrail(guarded.result().verdict(), checks),
                guarded.drafted().model(),
                guarded.drafted().degraded(),
                Timings.interleaved(start, retrieved, guarded.judgingNanos(), System.nanoTime()));
    }

    /**
     * A reader at risk now gets support and help lines, not a quotation about confidentiality law:
     * what retrieval finds for "I have the pills saved up" is beside the point, and no model is
     * asked. The library stays one question away.
     */
    private AnswerResponse crisisSupport(ScreenedInput input, long start) {
        String text = lead(input) + " When you feel ready, you can also ask me how confidentiality works in therapy.";
        return fixed(text, CrisisScreen.safety(input.risk(), input.spanish()), "crisis-support", start);
    }

    /**
     * A crisis that leaves room for the reader's question (risk heard in one sentence only, a
     * message that reads as a joke, or thoughts or self-harm told with a question about the rules):
     * help comes first, then the question is answered from the library by the offline answerer,
     * judged as usual. No model sees a message that may be a crisis; if the library cannot answer,
     * the help stands alone.
     */
    private AnswerResponse helpFirstThenAnswer(
            ScreenedInput input, String question, Retrieval retrieval, long start, long retrieved) {
        GuardedDraft guarded = drafting.draft(question, retrieval, drafting.offline(), text -> {});
        measure(guarded, retrieved);
        GuardResult result = guarded.result();
        if (result.verdict() == Verdict.BLOCKED || result.answer().abstained()) {
            return crisisSupport(input, start);
        }
        List<GuardCheck> checks = new ArrayList<>();
        checks.add(
                new GuardCheck("crisis-support", true, "help lines first, written by Kira; then the library's answer"));
        checks.addAll(result.checks());
        AnswerResponse answered =
                response(guarded, CrisisScreen.safety(input.risk(), input.spanish()), checks, start, retrieved);
        // Answered, so not abstained, nothing to read instead, and from the offline answerer: not degraded.
        return answered.withAnswer(lead(input) + " About your question: " + answered.answer());
    }

    /** The crisis lead, with the Lifeline's Spanish options for a reader writing in Spanish. */
    private static String lead(ScreenedInput input) {
        String lead = CrisisMessage.lead(input.risk().kinds());
        return input.spanish() ? lead + " " + CrisisMessage.SPANISH : lead;
    }

    /**
     * A request for a diagnosis or for advice on the reader's own legal case is declined before
     * retrieval, and before any model sees it.
     */
    private AnswerResponse declinedUnsafe(ScreenedInput input, long start) {
        Retrieval none = Retrieval.of(input.question(), List.of());
        long checked = System.nanoTime();
        GuardResult result = judge.whole(input.question(), abstentions.write(AbstainReason.UNSAFE, List.of()), none);
        meter.stage(PipelineMeter.Stage.GUARD, System.nanoTime() - checked);
        GuardedDraft guarded = new GuardedDraft(
                result, new Drafted(result.answer(), whole.modelName(), false), System.nanoTime() - checked);
        return response(guarded, Safety.none(), result.checks(), start, checked);
    }

    /**
     * A reply Kira writes itself, without the library or a model (crisis support, small talk). It
     * is not an abstention: there was no question about the library to decline.
     */
    private AnswerResponse fixed(String text, Safety safety, String kind, long start) {
        long now = System.nanoTime();
        return new AnswerResponse(
                ids.get(),
                text,
                List.of(),
                false,
                null,
                List.of(),
                safety,
                new AnswerResponse.Guardrail(
                        Verdict.PASS,
                        List.of(new GuardCheck(kind, true, "fixed text written by Kira; no model asked"))),
                kind,
                false,
                Timings.of(start, now, now, now));
    }
}
