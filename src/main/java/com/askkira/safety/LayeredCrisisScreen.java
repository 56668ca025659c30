package com.askkira.safety;

import com.askkira.embedding.Embedder;
import com.askkira.retrieval.Turn;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a conversation signals risk of harm now, by four readers: the pattern detector, which
 * knows framing ("if I told my therapist…" is a question about rules), the semantic screen, which
 * hears phrasings the patterns never listed, in the whole conversation and in each sentence alone,
 * the learned reader, fitted on every labelled set over the same vector, whose support the semantic
 * screen's alarms need (a bar far below its own threshold), and the wording reader, fitted on the
 * same vector and the message's words. Any is enough: missing
 * a person in crisis costs far more than leading an answer with help lines. Where the evidence is
 * weaker (heard in one sentence only, by the learned reader only, or in a message that reads as a
 * joke, an idiom or the distant past) help still comes first, and the question is answered too.
 */
public final class LayeredCrisisScreen implements CrisisScreen {
    private final CrisisDetector patterns;
    private final SemanticCrisisScreen semantic;
    private final Optional<LearnedCrisisReader> learned;
    private final Optional<WordingCrisisReader> wording;

    /** Patterns and the semantic screen only, as the screen was before the learned reader. */
    public LayeredCrisisScreen(CrisisDetector patterns, SemanticCrisisScreen semantic) {
        this(patterns, semantic, Optional.empty(), Optional.empty());
    }

    /** Without the wording reader, as the screen was before it (what its fit adds to). */
    public LayeredCrisisScreen(CrisisDetector patterns, SemanticCrisisScreen semantic, LearnedCrisisReader learned) {
        this(patterns, semantic, Optional.of(learned), Optional.empty());
    }

    public LayeredCrisisScreen(
            CrisisDetector patterns,
            SemanticCrisisScreen semantic,
            LearnedCrisisReader learned,
            WordingCrisisReader wording) {
        this(patterns, semantic, Optional.of(learned), Optional.of(wording));
    }

    private LayeredCrisisScreen(
            CrisisDetector patterns,
            SemanticCrisisScreen semantic,
            Optional<LearnedCrisisReader> learned,
            Optional<WordingCrisisReader> wording) {
        this.patterns = patterns;
        this.semantic = semantic;
        this.learned = learned;
        this.wording = wording;
    }

    /** The four readers shipped in the jar, hearing by {@code embedder}. */
    public static LayeredCrisisScreen fromResources(Embedder embedder) {
        return new LayeredCrisisScreen(
                new CrisisDetector(CrisisPatterns.fromResources()),
                SemanticCrisisScreen.fromResources(embedder),
                LearnedCrisisReader.fromResources(),
                WordingCrisisReader.fromResources());
    }

    @Override
    public CrisisAssessment assess(String message, List<Turn> history) {
        CrisisDetector.Reading read = patterns.read(message, history);
        CrisisAssessment byPatterns = read.assessment();
        if (byPatterns.crisis()) {
            return patterns.discounts(message)
                    ? new CrisisAssessment(true, byPatterns.kinds(), byPatterns.reason(), true)
                    : byPatterns;
        }
        SemanticCrisisScreen.Reading whole = semantic.read(message, history);
        // Nearest examples hear some idioms as crises ("that season finale absolutely killed me"); their
        // alarm on the whole conversation stands only where the learned reader, which heard every
        // labelled set, gives it some support.
        if (whole.crisis()
                && (learned.isEmpty() || learned.get().supportsWholeMessage(semantic.model(), whole.vector()))) {
            // A joke or a figure of speech can hide a crisis too, so it is not dismissed: help comes
            // first, and the question is answered as well.
            return new CrisisAssessment(
                    true,
                    whole.kinds(),
                    "close in meaning to messages from people at risk",
                    patterns.discounts(message));
        }
        if (learned.isPresent() && learned.get().hears(semantic.model(), whole.vector())) {
            // Before the sentences: it reads the vector already computed, so it costs no embedding.
            return new CrisisAssessment(
                    true, whole.kinds(), "read as a crisis by the reader learned from labelled messages", true);
        }
        if (learned.isPresent()
                && read.ruleQuestion()
                && learned.get().hearsInRuleQuestion(semantic.model(), whole.vector())) {
            // "thinking about ending it all, does my therapist have to tell anyone?": the question pulls the
            // whole toward the informational, and the person asking it may be the one at risk.
            return new CrisisAssessment(
                    true,
                    whole.kinds(),
                    "read as a crisis by the reader learned from labelled messages, in a question about the rules",
                    true);
        }
        if (wording.isPresent() && wording.get().hears(message, semantic.model(), whole.vector())) {
            // "if I tell my therapist I've been cutting again will she tell my mom": the embedding hears the
            // question; the words say who is at risk, and when.
            return new CrisisAssessment(
                    true,
                    whole.kinds(),
                    "read as a crisis by the reader learned from labelled messages' words and meaning",
                    true);
        }
        // One sentence alone is the screen's weakest evidence, and idioms ("this wait is killing me") live
        // there: it is heard only where the learned reader gives the whole conversation some support
        // (which also spares the sentences' embeddings for most questions).
        if (learned.isPresent() && !learned.get().supportsOneSentence(semantic.model(), whole.vector())) {
            return byPatterns;
        }
        Set<RiskKind> inOneSentence = semantic.screenSentences(message, history, patterns::discounts);
        return inOneSentence.isEmpty()
                ? byPatterns
                : new CrisisAssessment(
                        true, inOneSentence, "one sentence close in meaning to messages from people at risk", true);
    }
}
