package com.askkira.answer;

import com.askkira.cache.RecentResults;
import com.askkira.embedding.Embedder;
import com.askkira.learn.Logistic;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * The further sentences of the retrieved passages that likely state a fact the question needs (the
 * condition, the exception, who decides, the date), once the answerer has chosen its own: a
 * logistic model fitted on labelled questions' facts ({@code FactSentencesFit} refits it and says
 * where its one threshold came from). A true sentence beside the best one is not an answer; the
 * clause that qualifies it is.
 */
public final class FactSentences {
    static final String MODEL = "/answer/fact-sentences.json";
    /** The words of conditions and exceptions; the model weighs how much they count. */
    private static final Pattern CONDITION =
            Pattern.compile("(?i)\\b(only|unless|except|without|if|when|must|may|requires?|required|cannot|can't|not|no"
                    + "|limited|generally|however)\\b");

    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern ASKS_WHEN = Pattern.compile("(?i)\\b(when|how long|what year|until|date)\\b");
    private static final int FAR = 7;
    private static final int RANKS = 20;
    /**
     * Library sentences whose wording is remembered, as many texts as Kira remembers the terms of:
     * they come back answer after answer.
     */
    private static final RecentResults<String, double[]> WORDING = new RecentResults<>(8_192);

    /** Adds nothing: the answerer's own choice stands. */
    public static final FactSentences NONE = new FactSentences(Optional.empty());

    private final Optional<Logistic> model;

    private FactSentences(Optional<Logistic> model) {
        this.model = model;
    }

    public static FactSentences of(Logistic model) {
        return new FactSentences(Optional.of(model));
    }

    /** The model shipped in the jar. */
    public static FactSentences fromResources() {
        try (InputStream in = FactSentences.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MODEL);
            }
            return of(Logistic.read(new ObjectMapper().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The candidates not yet chosen that the model reads as stating a needed fact, most likely first.
     *
     * @param candidates every sentence the answerer scored
     * @param best the sentence the answer leads with
     * @param chosen what the answerer chose without this model
     */
    public List<ScoredSentence> likely(
            String question, List<ScoredSentence> candidates, ScoredSentence best, Collection<ScoredSentence> chosen) {
        if (model.isEmpty()) {
            return List.of();
        }
        List<double[]> features = features(question, candidates, best, chosen);
        Map<ScoredSentence, Double> likely = new IdentityHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            ScoredSentence s = candidates.get(i);
            double p = model.get().probability(features.get(i));
            if (p >= model.get().threshold() && !chosen.contains(s)) {
                likely.put(s, p);
            }
        }
        List<ScoredSentence> out = new ArrayList<>(likely.keySet());
        out.sort(Comparator.comparingDouble(likely::get).reversed());
        return out;
    }

    /** Each candidate's features, in the order of {@code candidates}: what the model reads and the fit learns from. */
    public static List<double[]> features(
            String question, List<ScoredSentence> candidates, ScoredSentence best, Collection<ScoredSentence> chosen) {
        Map<ScoredSentence, Integer> byScore = ranks(candidates, ScoredSentence::score);
        Map<ScoredSentence, Integer> byMeaning = ranks(candidates, ScoredSentence::semantic);
        boolean asksWhen = ASKS_WHEN.matcher(question).find();
        List<double[]> out = new ArrayList<>(candidates.size());
        for (ScoredSentence s : candidates) {
            boolean sameChunk =
                    s.passage().chunk().id().equals(best.passage().chunk().id());
            int offset = s.index() - best.index();
            double[] wording = wording(s.text());
            boolean digit = wording[2] > 0;
            out.add(new double[] {
                s.semantic(),
                s.lexical(),
                s.passage().score(),
                Math.min(s.passageRank(), 5),
                s.passage().indexed().sentenceGenerality().get(s.index()),
                Embedder.dot(s.vector(), best.vector()),
                s == best ? 1 : 0,
                sameChunk ? 1 : 0,
                s.passage().chunk().sectionKey().equals(best.passage().chunk().sectionKey()) ? 1 : 0,
                sameChunk ? Math.min(Math.abs(offset), FAR - 1) : FAR,
                sameChunk && offset > 0 ? 1 : 0,
                s.passage().chunk().opensSection() ? 1 : 0,
                Math.min(s.index(), 8),
                wording[0],
                s.semantic() - best.semantic(),
                best.score() == 0 ? 0 : s.score() / best.score(),
                Math.min(byScore.get(s), RANKS),
                Math.min(byMeaning.get(s), RANKS),
                wording[1],
                digit ? 1 : 0,
                asksWhen && digit ? 1 : 0,
                s.text().endsWith(":") ? 1 : 0,
                chosen.contains(s) ? 1 : 0
            });
        }
        return out;
    }

    /**
     * What a sentence's own words give the model: its length (up to 60 words), its words of
     * conditions, whether it has a number.
     */
    private static double[] wording(String sentence) {
        return WORDING.get(sentence, text -> new double[] {
            Math.min(text.split("\\s+").length / 60.0, 1),
            CONDITION.matcher(text).results().count(),
            DIGIT.matcher(text).find() ? 1 : 0
        });
    }

    private static Map<ScoredSentence, Integer> ranks(
            List<ScoredSentence> candidates, ToDoubleFunction<ScoredSentence> by) {
        List<ScoredSentence> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(by).reversed());
        Map<ScoredSentence, Integer> ranks = new IdentityHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            ranks.putIfAbsent(sorted.get(i), i);
        }
        return ranks;
    }
}
