package com.askkira.pipeline;

import com.askkira.answer.CitationMarkers;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.guard.Overstatement;
import com.askkira.guard.SupportScorer;
import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.RetrievalQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * For the content team: checks any answer text, sentence by sentence, against the whole library.
 * Each sentence is searched for (with the question, when given, as context) and scored against the
 * passages found; the nearest passages are listed even when none supports it, so a writer sees the
 * closest text the library has.
 */
public final class GroundingService {
    static final int MAX_ANSWER_CHARS = 10_000;
    private static final int PASSAGES = 3;

    private final HybridRetriever retriever;
    private final SupportScorer scorer;
    private final SentenceSplitter splitter;
    private final Overstatement overstatement = new Overstatement();

    public GroundingService(HybridRetriever retriever, SupportScorer scorer, SentenceSplitter splitter) {
        this.retriever = retriever;
        this.scorer = scorer;
        this.splitter = splitter;
    }

    public GroundingReport check(String answer, String question) {
        if (answer == null || answer.isBlank()) {
            throw new KiraException.InvalidRequest("'answer' is required and must not be empty");
        }
        if (answer.length() > MAX_ANSWER_CHARS) {
            throw new KiraException.InvalidRequest("'answer' is over " + MAX_ANSWER_CHARS + " characters");
        }
        List<GroundingReport.SentenceSupport> sentences = new ArrayList<>();
        for (Sentence sentence : splitter.split(answer)) {
            String claim = CitationMarkers.strip(sentence.text());
            if (claim.isBlank()) {
                continue;
            }
            SupportScorer.Claim scored = scorer.claim(claim);
            String search = question == null || question.isBlank() ? claim : question.strip() + " " + claim;
            List<GroundingReport.Support> support = new ArrayList<>();
            boolean supported = false;
            for (Passage p :
                    retriever.retrieve(RetrievalQuery.of(search), PASSAGES).passages()) {
                double score = Math.round(scorer.support(scored, p) * 1000) / 1000.0;
                support.add(
                        new GroundingReport.Support(p.chunk().id(), p.chunk().section(), score));
                // As the grounded guardrail judges: close enough, and no strong word the passage lacks.
                supported |= score >= SupportScorer.SUPPORTED
                        && overstatement.beyond(claim, p.chunk().text()).isEmpty();
            }
            support.sort(
                    Comparator.comparingDouble(GroundingReport.Support::score).reversed());
            sentences.add(new GroundingReport.SentenceSupport(sentence.text(), supported, support));
        }
        long supported = sentences.stream()
                .filter(GroundingReport.SentenceSupport::supported)
                .count();
        double score = sentences.isEmpty() ? 0 : Math.round(1000.0 * supported / sentences.size()) / 1000.0;
        return new GroundingReport(score, sentences);
    }
}
