package com.askkira.pipeline;

import com.askkira.answer.CitationMarkers;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.embedding.ModelText;
import com.askkira.guard.ConfidentialityLimitsCheck;
import com.askkira.guard.LimitsFinding;
import com.askkira.guard.Overstatement;
import com.askkira.guard.SupportJudge;
import com.askkira.guard.SupportScorer;
import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.RetrievalQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * For the content team: checks any answer text, sentence by sentence, against the whole library.
 * Each sentence is searched for (with the question, when given, as context) and scored against the
 * passages found; the nearest passages are listed even when none supports it, so a writer sees the
 * closest text the library has.
 */
public final class GroundingService {
    /**
     * Every sentence costs a hybrid retrieval and two embeddings, about 20 ms of CPU however short it
     * is, and the embeddings grow with its length, about 0.14 ms per character; so both the text and
     * its sentences are limited, to keep one check well under 100 ms of CPU.
     *
     * <p>Measured with TestKira's shared Kira on this project's 2-core machine while other builds
     * ran (load 5 to 9), 31 checks of each shape, median process CPU (the request's own thread in
     * brackets; the rest is ONNX Runtime's worker threads and GC): 1 sentence of 200 or 300
     * characters 50 to 70 ms (31 to 33), 2 of 100 characters 70 ms (33), 2 of 120 80 ms (37), 2 of
     * 150 90 ms (49), 3 of 100 120 ms (53); 30 sentences, 5,800 characters, 1.8 s, so the old limit
     * of 10,000 characters allowed about 3 s. At these limits the worst case is about 80 ms of
     * process CPU on that loaded machine and 40 ms on the request's thread.
     *
     * <p>250 characters takes any two typical library sentences (median 110 characters) or one long
     * one (97% are shorter). A longer text is checked in parts; checking a whole answer in one
     * request needs its sentences embedded and searched in batches rather than one by one.
     */
    public static final int MAX_ANSWER_CHARS = 250;

    /** See {@link #MAX_ANSWER_CHARS}. */
    public static final int MAX_SENTENCES = 2;

    private static final int PASSAGES = 3;

    private final HybridRetriever retriever;
    private final SupportJudge judge;
    private final SupportScorer scorer;
    private final SentenceSplitter splitter;
    private final Overstatement overstatement = new Overstatement();
    private final CpuLane lane;
    private final ConfidentialityLimitsCheck limits = new ConfidentialityLimitsCheck();

    public GroundingService(HybridRetriever retriever, SupportJudge judge, SentenceSplitter splitter, CpuLane lane) {
        this.retriever = retriever;
        this.judge = judge;
        this.scorer = judge.scorer();
        this.splitter = splitter;
        this.lane = lane;
    }

    /**
     * The longer texts the workbench checks for an admin (a whole answer, a draft): behind an admin
     * key, so not open to any client, and at about 40 ms of CPU a sentence, 30 sentences are about a
     * second of one core.
     */
    public static final int ADMIN_MAX_ANSWER_CHARS = 6_000;

    /** See {@link #ADMIN_MAX_ANSWER_CHARS}. */
    public static final int ADMIN_MAX_SENTENCES = 30;

    public GroundingReport check(String answer, String question) {
        return check(answer, question, MAX_ANSWER_CHARS, MAX_SENTENCES);
    }

    /** Checks a text within the given limits ({@link #ADMIN_MAX_ANSWER_CHARS} for the workbench), on the CPU lane. */
    public GroundingReport check(String answer, String question, int maxChars, int maxSentences) {
        return lane.call(() -> checkHere(answer, question, maxChars, maxSentences));
    }

    private GroundingReport checkHere(String answer, String question, int maxChars, int maxSentences) {
        if (BlankText.isBlank(answer)) {
            throw new KiraException.InvalidRequest("'answer' is required and must not be empty");
        }
        if (TextLength.of(answer) > maxChars) {
            throw new KiraException.InvalidRequest("'answer' is over " + maxChars + " characters");
        }
        List<Sentence> split = splitter.split(answer);
        if (split.size() > maxSentences) {
            throw new KiraException.InvalidRequest(
                    "'answer' has " + split.size() + " sentences; the limit is " + maxSentences);
        }
        // The limits rules read each sentence in the context of the whole text, as the guardrail does.
        List<LimitsFinding> limitsFindings = limits.findings(question, answer);
        List<GroundingReport.SentenceSupport> sentences = new ArrayList<>();
        for (Sentence sentence : split) {
            String claim = CitationMarkers.strip(sentence.text());
            // Only markers, or nothing the embedding model can read (it would refuse to embed it).
            if (BlankText.isBlank(claim) || ModelText.readsNothing(claim)) {
                continue;
            }
            SupportScorer.Claim scored = scorer.claim(claim);
            String search = BlankText.isBlank(question) ? claim : question.strip() + " " + claim;
            List<GroundingReport.Support> support = new ArrayList<>();
            boolean supported = false;
            List<String> stronger = new ArrayList<>();
            for (Passage p :
                    retriever.retrieve(RetrievalQuery.of(search), PASSAGES).passages()) {
                SupportScorer.Span span = scorer.bestSpan(scored, p);
                double score = Math.round(span.score() * 1000) / 1000.0;
                support.add(
                        new GroundingReport.Support(p.chunk().id(), p.chunk().section(), score, span.text()));
                // As the grounded guardrail judges: close enough, and no strong word the passage lacks.
                List<String> beyond = overstatement.beyond(claim, p.chunk().text());
                boolean judged = judge.supports(scored, List.of(p));
                supported |= judged && beyond.isEmpty();
                if (judged && !beyond.isEmpty() && stronger.isEmpty()) {
                    stronger.addAll(beyond);
                }
            }
            support.sort(
                    Comparator.comparingDouble(GroundingReport.Support::score).reversed());
            List<GroundingReport.Finding> findings = new ArrayList<>();
            limitsFindings.stream()
                    .filter(f -> f.sentence().equals(sentence.text()))
                    .forEach(f -> findings.add(
                            new GroundingReport.Finding(f.rule().name().toLowerCase(Locale.ROOT), f.detail())));
            if (!supported && !stronger.isEmpty()) {
                findings.add(new GroundingReport.Finding(
                        "overstatement",
                        "stronger than the library: " + String.join(", ", stronger)
                                + " (the nearest passage does not say so)"));
            }
            String verdict = !findings.isEmpty() ? "overstated" : supported ? "supported" : "unsupported";
            sentences.add(new GroundingReport.SentenceSupport(sentence.text(), supported, support, verdict, findings));
        }
        long supported = sentences.stream()
                .filter(GroundingReport.SentenceSupport::supported)
                .count();
        double score = sentences.isEmpty() ? 0 : Math.round(1000.0 * supported / sentences.size()) / 1000.0;
        return new GroundingReport(score, sentences);
    }
}
