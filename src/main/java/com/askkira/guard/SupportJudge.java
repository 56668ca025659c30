package com.askkira.guard;

import com.askkira.cache.RecentResults;
import com.askkira.learn.Logistic;
import com.askkira.retrieval.Passage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a passage supports a claim, as a logistic model fitted on labelled answer sentences reads
 * it ({@value #MODEL}, written by {@code SupportJudgeFit}, one calibrated threshold). Meaning and
 * shared words ({@link SupportScorer}) cannot tell a faithful rewording from a small wrong edit of
 * the passage: the edit keeps nearly all the passage's words. So the model also reads which words
 * the claim adds to its best span and which of the span's it drops: "always" or "any" added, "may",
 * "most" or "unless" dropped, a "not" gained or lost are the edits that turn a rule into a wrong one.
 */
public final class SupportJudge {
    static final String MODEL = "/guard/support-judge.json";

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Pattern NEGATED_CAN = Pattern.compile("\\bcan't\\b|\\bcannot\\b");
    private static final Pattern NEGATED_WILL = Pattern.compile("\\bwon't\\b");
    private static final Pattern NEGATED = Pattern.compile("n't\\b");
    private static final Pattern ANSWER_PARTICLE = Pattern.compile("^\\s*(?i:yes|no)\\s*[,:;.]\\s*");

    /*
     * Closed classes of words whose edit changes what a rule says, counted so that the few flawed
     * sentences of each kind teach one weight: a "not" gained or lost, a rule made universal, and
     * the hedges and conditions that limit it dropped. The model weighs them; these lists only pool.
     */
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "nor", "neither", "none");
    private static final Set<String> UNIVERSAL = Set.of(
            "all",
            "every",
            "always",
            "any",
            "never",
            "none",
            "everyone",
            "anyone",
            "anything",
            "everything",
            "entire",
            "whatever",
            "automatically",
            "must",
            "required",
            "requires",
            "will",
            "only");
    private static final Set<String> HEDGES = Set.of(
            "may",
            "might",
            "can",
            "some",
            "most",
            "many",
            "often",
            "usually",
            "generally",
            "typically",
            "certain",
            "limited",
            "if",
            "unless",
            "when",
            "except",
            "only",
            "could",
            "several",
            "also");
    private static final Overstatement OVERSTATEMENT = new Overstatement();

    /** More passages and spans than a few answers meet at once. */
    private static final int RECENT_TEXTS = 2_048;

    private final SupportScorer scorer;
    private final Logistic model;
    private final Map<String, Double> gramWeights;
    /** Whether the scorer reads meaning with the embedding the model was fitted on. */
    private final boolean fitted;
    /**
     * The words of the library texts claims are read against (passages, their sentences and pairs):
     * the same few hundred texts for every answer, split once each. Bounded, oldest out.
     */
    private final RecentResults<String, List<String>> libraryTokens = new RecentResults<>(RECENT_TEXTS);

    /**
     * @param model reads {@link Reading#values()}; its threshold is the judge's
     * @param gramWeights what each known added ({@code +word}) or dropped ({@code -word}) word adds
     *     to the model's log-odds
     * @param embedding the embedding model whose meaning the model was fitted on; with another, whose
     *     closeness is on another scale, the judge falls back on the support score's own bar
     */
    public SupportJudge(SupportScorer scorer, Logistic model, Map<String, Double> gramWeights, String embedding) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.model = Objects.requireNonNull(model, "model");
        this.gramWeights = Map.copyOf(gramWeights);
        this.fitted = scorer.embedding().equals(embedding);
        if (model.size() != Reading.FEATURES.size()) {
            throw new IllegalArgumentException(
                    "the model reads " + model.size() + " features, the judge " + Reading.FEATURES.size());
        }
    }

    /** The judge shipped in the jar, over {@code scorer}. */
    public static SupportJudge fromResources(SupportScorer scorer) {
        try (InputStream in = SupportJudge.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MODEL);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Double> byGram = new HashMap<>();
            JsonNode grams = root.get("grams");
            JsonNode weights = root.get("gramWeights");
            for (int i = 0; i < grams.size(); i++) {
                byGram.put(grams.get(i).asText(), weights.get(i).asDouble());
            }
            return new SupportJudge(
                    scorer,
                    Logistic.read(root.get("model")),
                    byGram,
                    root.get("embedding").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SupportScorer scorer() {
        return scorer;
    }

    /** The probability at and above which the judge reads a claim as supported. */
    double threshold() {
        return model.threshold();
    }

    /** Whether the passages a sentence cites, together, support its claim. */
    public boolean supports(SupportScorer.Claim claim, List<Passage> cited) {
        return strength(claim, cited) >= (fitted ? model.threshold() : SupportScorer.SUPPORTED);
    }

    /**
     * How strongly the passages a sentence cites support its claim, to rank them: the fitted
     * probability, or the support score when the scorer's embedding is not the one fitted on. The
     * best span of any of them is read against all of them: a sentence that cites two passages may
     * take its year from one and its holding from the other.
     */
    public double strength(SupportScorer.Claim claim, List<Passage> cited) {
        if (cited.isEmpty()) {
            return 0;
        }
        SupportScorer.Span best = null;
        for (Passage p : cited) {
            SupportScorer.Span span = scorer.bestSpan(claim, p);
            if (best == null || span.score() > best.score()) {
                best = span;
            }
        }
        return fitted ? probability(claim.text(), best, Reading.context(cited)) : best.score();
    }

    /** The fitted probability that passages whose best span for the claim is {@code span} support it. */
    double probability(String claim, SupportScorer.Span span, String passages) {
        Reading reading = Reading.of(claim, span, passages, text -> libraryTokens.get(text, SupportJudge::tokens));
        double z = model.logit(reading.values());
        for (String gram : reading.grams()) {
            z += gramWeights.getOrDefault(gram, 0.0);
        }
        return Logistic.sigmoid(z);
    }

    /**
     * What the judge reads of a claim against the best span of the passages it cites: the span's scores, the shares
     * of words added and dropped, the edits that make a rule wrong counted by kind, and the words
     * themselves ({@code +word} added, {@code -word} dropped).
     */
    public record Reading(double[] values, Set<String> grams) {
        /** The names of {@link #values()}, in order. */
        public static final List<String> FEATURES = List.of(
                "score",
                "meaning",
                "words",
                "added",
                "dropped",
                "notInPassage",
                "overstated",
                "negationFlipped",
                "universalAdded",
                "hedgeDropped",
                "universalNotInPassage",
                "numberNotInPassage");

        /** The cited passages' texts as one, for what a claim says beyond all of them. */
        public static String context(List<Passage> cited) {
            return cited.stream().map(p -> p.chunk().text()).collect(Collectors.joining("\n"));
        }

        /** @param passages the text of every passage the claim cites ({@link #context}) */
        public static Reading of(String claim, SupportScorer.Span span, String passages) {
            return of(claim, span, passages, SupportJudge::tokens);
        }

        /** The same, the library's texts split by {@code libraryTokens} (which may remember them). */
        static Reading of(
                String claim, SupportScorer.Span span, String passages, Function<String, List<String>> libraryTokens) {
            // "No, a subpoena alone…" answers the question; the claim is what follows.
            List<String> claimTokens = tokens(ANSWER_PARTICLE.matcher(claim).replaceFirst(""));
            List<String> spanTokens = libraryTokens.apply(span.text());
            Set<String> claimWords = new LinkedHashSet<>(claimTokens);
            Set<String> spanWords = new LinkedHashSet<>(spanTokens);
            Set<String> passageWords = new HashSet<>(libraryTokens.apply(passages));
            List<String> added =
                    claimWords.stream().filter(w -> !spanWords.contains(w)).toList();
            List<String> dropped =
                    spanWords.stream().filter(w -> !claimWords.contains(w)).toList();
            List<String> notInPassage =
                    claimWords.stream().filter(w -> !passageWords.contains(w)).toList();
            double[] values = {
                span.score(),
                span.meaning(),
                span.words(),
                share(added.size(), claimWords.size()),
                share(dropped.size(), spanWords.size()),
                share(notInPassage.size(), claimWords.size()),
                OVERSTATEMENT.beyond(claim, passages).isEmpty() ? 0 : 1,
                negations(claimTokens) % 2 != negations(spanTokens) % 2 ? 1 : 0,
                added.stream().filter(UNIVERSAL::contains).count(),
                dropped.stream().filter(HEDGES::contains).count(),
                notInPassage.stream().filter(UNIVERSAL::contains).count(),
                notInPassage.stream().anyMatch(w -> Character.isDigit(w.charAt(0))) ? 1 : 0
            };
            Set<String> grams = new LinkedHashSet<>();
            added.forEach(w -> grams.add("+" + w));
            dropped.forEach(w -> grams.add("-" + w));
            return new Reading(values, grams);
        }

        private static long negations(List<String> tokens) {
            return tokens.stream().filter(NEGATIONS::contains).count();
        }

        private static double share(long part, int whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }

    /** A text's words in order: lower case, every "n't" read as "not" (a dropped "not" is the edit). */
    static List<String> tokens(String text) {
        String plain = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        plain = NEGATED_CAN.matcher(plain).replaceAll("can not");
        plain = NEGATED_WILL.matcher(plain).replaceAll("will not");
        plain = NEGATED.matcher(plain).replaceAll(" not");
        return WORD.matcher(plain).results().map(m -> m.group()).toList();
    }
}
