package com.askkira.safety;

import com.askkira.config.Tuning;
import com.askkira.embedding.Embedder;
import com.askkira.embedding.MostSimilar;
import com.askkira.embedding.VectorTable;
import com.askkira.retrieval.Turn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;

/**
 * Hears crisis in words no pattern list anticipated ("my last night on earth", "I lie awake
 * planning how I'd do it"): the conversation is compared, by embedding, with labelled crisis
 * messages and with informational look-alikes (questions about the rules, and everyday messages,
 * "this homework is killing me" among them), and counts as a crisis when its nearest crisis
 * examples are close, and closer than its nearest informational ones. Patterns alone caught 3 of 20
 * held-out crises; together with this screen, 19.
 */
public final class SemanticCrisisScreen {
    static final String EXEMPLARS = "/safety/crisis-exemplars.json";
    private static final int NEIGHBOURS = 3;
    private static final int MIN_WORDS = 3;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    /**
     * Contact details as the redactor leaves them ("call me at [phone]", "my email is [email]"). They
     * say how to reach the reader and nothing of risk, but "call me" and "text me" are words people in
     * crisis write too: "call me at [phone]." sat nearer the crisis examples than any informational
     * one, and a reader who only left a number was given help lines. The patterns never counted them;
     * now the comparison of meanings does not either, and hears only what else the reader says.
     */
    private static final Pattern CONTACT_DETAILS = Pattern.compile("(?i)(?:\\b(?:please\\s+)?(?:call|text|phone|ring"
            + "|reach|e-?mail|message|dm|contact|write\\s+to|find|add)(?:\\s+me)?(?:\\s+back)?(?:\\s+(?:at|on|via))?"
            + "\\s*:?\\s*|\\b(?:my|our|his|her|their)\\s+(?:[\\w-]+\\s+)?(?:number|cell|phone|mobile|e-?mail|insta"
            + "|instagram|snapchat|snap|handle|username)(?:\\s+is|\\s*:)?\\s*|\\bhere['’]?s\\s+my\\s+\\w+\\s*:?\\s*)?"
            + "\\[(?:phone|email|handle)\\]");

    private static final int MIN_SENTENCE_WORDS = 4;
    /** Bounds the extra embeddings a long conversation costs: the newest sentences matter most. */
    private static final int MAX_SENTENCES = 8;
    /**
     * How much closer the crisis neighbours must be than the informational ones ({@link
     * Tuning.Crisis#margin()}: its provenance is there); a missed crisis is the worse error.
     */
    static final double MARGIN = Tuning.defaults().crisis().margin();
    /**
     * Far from every crisis example, a message is not one, however the comparison falls ("what time
     * does the DMV open on Saturday" sits a hair nearer "dead by the weekend" than anything else):
     * {@link Tuning.Crisis#floor()}.
     */
    static final double FLOOR = Tuning.defaults().crisis().floor();

    /** A labelled message and its embedding. */
    record Exemplar(boolean crisis, Set<RiskKind> kinds, float[] vector) {}

    private final Embedder embedder;
    private final List<Exemplar> exemplars;
    private final VectorTable vectors;
    private final double margin;
    private final double floor;

    SemanticCrisisScreen(Embedder embedder, List<Exemplar> exemplars, double margin) {
        this(embedder, exemplars, margin, FLOOR);
    }

    SemanticCrisisScreen(Embedder embedder, List<Exemplar> exemplars, double margin, double floor) {
        this.embedder = embedder;
        this.exemplars = List.copyOf(exemplars);
        this.vectors =
                VectorTable.of(this.exemplars.stream().map(Exemplar::vector).toList());
        this.margin = margin;
        this.floor = floor;
    }

    /** The screen over the exemplars shipped in the jar, embedded once here. */
    public static SemanticCrisisScreen fromResources(Embedder embedder) {
        List<LabelledText> labelled = labelledTexts();
        List<float[]> vectors =
                embedder.embedPassages(labelled.stream().map(LabelledText::text).toList());
        List<Exemplar> exemplars = new ArrayList<>();
        for (int i = 0; i < labelled.size(); i++) {
            exemplars.add(new Exemplar(labelled.get(i).crisis(), labelled.get(i).kinds(), vectors.get(i)));
        }
        return new SemanticCrisisScreen(embedder, exemplars, MARGIN);
    }

    /** The embedding model this screen hears by. */
    String model() {
        return embedder.name();
    }

    /** The kinds of risk the nearest crisis examples carry, or empty when the conversation reads as informational. */
    public Set<RiskKind> screen(String message, List<Turn> history) {
        Reading whole = read(message, history);
        return whole.crisis() ? whole.kinds() : Set.of();
    }

    /**
     * The whole conversation as this screen hears it, with the vector it was heard by, so that
     * another reader of the same vector ({@link LearnedCrisisReader}) costs no second embedding.
     */
    Reading read(String message, List<Turn> history) {
        String conversation = withoutContactDetails(conversation(message, history));
        if (WORD.matcher(conversation).results().count() < MIN_WORDS) {
            // "bye", "thanks", an emoji: too little said for a comparison of meanings to mean anything.
            return Reading.TOO_SHORT;
        }
        return nearest(embedder.embedQuery(conversation));
    }

    /**
     * A conversation as the comparison of meanings heard it.
     *
     * @param vector its embedding; empty when too little was said to embed
     * @param crisis its nearest crisis examples are close, and closer than the informational ones
     * @param kinds the kinds of risk of the nearest crisis example, whether or not it was close
     */
    record Reading(float[] vector, boolean crisis, Set<RiskKind> kinds) {
        static final Reading TOO_SHORT = new Reading(new float[0], false, Set.of());
    }

    /**
     * The kinds of risk heard in one sentence of the conversation on its own, skipping those
     * {@code discounted} (a joke, the distant past); empty when none is heard. "I took 30 of my pills
     * an hour ago. Would the hospital tell my therapist?": the question pulls the whole toward the
     * informational examples, so each sentence is heard alone too.
     */
    public Set<RiskKind> screenSentences(String message, List<Turn> history, Predicate<String> discounted) {
        List<String> sentences = sentences(message, history);
        if (sentences.size() < 2) {
            return Set.of(); // one sentence was already heard as the whole conversation
        }
        for (float[] vector : embedder.embedQueries(
                sentences.stream().filter(discounted.negate()).toList())) {
            Reading sentence = nearest(vector);
            if (sentence.crisis()) {
                return sentence.kinds();
            }
        }
        return Set.of();
    }

    /** How the vector compares with the examples: whether it reads as a crisis, and the nearest crisis example's kinds. */
    private Reading nearest(float[] query) {
        Closest crisis = new Closest();
        Closest informational = new Closest();
        float[] similarities = vectors.similarities(query);
        for (int i = 0; i < similarities.length; i++) {
            Exemplar e = exemplars.get(i);
            (e.crisis() ? crisis : informational).offer(e, similarities[i]);
        }
        double nearCrisis = crisis.meanSimilarity();
        boolean close = nearCrisis >= floor && nearCrisis - informational.meanSimilarity() > margin;
        Set<RiskKind> nearest = crisis.size() == 0 ? Set.of() : crisis.first().kinds();
        return new Reading(query, close, nearest.isEmpty() ? Set.of(RiskKind.SELF_HARM) : nearest);
    }

    /**
     * The {@value #NEIGHBOURS} most similar exemplars offered, most similar first and, among equals,
     * the first offered first: exactly the head of a stable sort by similarity, kept without sorting
     * all of them (the screen runs once for the message and once for each of its sentences).
     */
    static final class Closest {
        private final MostSimilar<Exemplar> kept = new MostSimilar<>(NEIGHBOURS);

        void offer(Exemplar exemplar, double similarity) {
            kept.offer(exemplar, similarity);
        }

        int size() {
            return kept.size();
        }

        Exemplar first() {
            return kept.item(0);
        }

        /** The mean similarity of those kept, summed most similar first as before; 0 when none was offered. */
        double meanSimilarity() {
            return DoubleStream.of(kept.similarities()).average().orElse(0);
        }
    }

    /** The user's sentences of at least {@link #MIN_SENTENCE_WORDS} words, newest first, at most {@link #MAX_SENTENCES}. */
    static List<String> sentences(String message, List<Turn> history) {
        List<String> turns = new ArrayList<>();
        turns.add(message);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == Turn.Role.USER) {
                turns.add(history.get(i).content());
            }
        }
        List<String> sentences = new ArrayList<>();
        for (String turn : turns) {
            for (String sentence : SENTENCE_END.split(withoutContactDetails(turn))) {
                if (sentences.size() < MAX_SENTENCES
                        && WORD.matcher(sentence).results().count() >= MIN_SENTENCE_WORDS) {
                    sentences.add(sentence.strip());
                }
            }
        }
        return sentences;
    }

    static String withoutContactDetails(String text) {
        return CONTACT_DETAILS.matcher(text).replaceAll(" ");
    }

    /** The user's words of the conversation, oldest first: risk builds up across turns. */
    static String conversation(String message, List<Turn> history) {
        StringBuilder text = new StringBuilder();
        for (Turn turn : history) {
            if (turn.role() == Turn.Role.USER) {
                text.append(turn.content()).append('\n');
            }
        }
        return text.append(message).toString();
    }

    /** An exemplar before embedding. */
    record LabelledText(boolean crisis, Set<RiskKind> kinds, String text) {}

    static List<LabelledText> labelledTexts() {
        try (InputStream in = SemanticCrisisScreen.class.getResourceAsStream(EXEMPLARS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + EXEMPLARS);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<LabelledText> out = new ArrayList<>();
            for (String group : List.of("crisis", "informational")) {
                for (JsonNode entry : root.get(group)) {
                    List<Turn> history = new ArrayList<>();
                    for (JsonNode turn : entry.path("history")) {
                        history.add(new Turn(
                                "user".equals(turn.path("role").asText()) ? Turn.Role.USER : Turn.Role.ASSISTANT,
                                turn.path("content").asText()));
                    }
                    Set<RiskKind> kinds = EnumSet.noneOf(RiskKind.class);
                    entry.path("kinds").forEach(k -> kinds.add(RiskKind.valueOf(k.asText())));
                    out.add(new LabelledText(
                            group.equals("crisis"),
                            kinds,
                            conversation(entry.get("message").asText(), history)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
