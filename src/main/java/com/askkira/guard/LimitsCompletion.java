package com.askkira.guard;

import com.askkira.answer.Citation;
import com.askkira.answer.CitationMarkers;
import com.askkira.answer.ComposedAnswer;
import com.askkira.corpus.Chunk;
import com.askkira.corpus.Sentence;
import com.askkira.corpus.ShortLists;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an answer leaves out, supplied from the library: an answer that says therapy is
 * confidential but names no limit, or states a rule without saying it varies by state, is
 * completed with the retrieved passage sentence that says so, rather than cut down. The sentence
 * is quoted verbatim and cited, so it is as grounded as the passage.
 */
public final class LimitsCompletion {
    private final ConfidentialityLimitsCheck check;

    public LimitsCompletion(ConfidentialityLimitsCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    /** A passage sentence, and the number of the passage it comes from. */
    public record Addition(int n, Passage passage, Sentence sentence) {
        /** The sentence as an answer writes it: "…imminent danger [3]." */
        public String marked() {
            return CitationMarkers.mark(sentence.text(), n);
        }
    }

    /**
     * The retrieved sentence that, added at the end, leaves the answer with no finding, naming the
     * most limits (the best-ranked passage first among equals); empty when the answer has no
     * finding, has one that no addition can cure, or no passage supplies it.
     */
    public Optional<Addition> cure(String question, String answer, Retrieval retrieval) {
        List<LimitsFinding> findings = check.findings(question, answer);
        if (retrieval == null
                || findings.isEmpty()
                || !findings.stream().allMatch(f -> f.rule().answerLevel())) {
            return Optional.empty();
        }
        List<Passage> passages = retrieval.passages();
        Optional<Addition> best = Optional.empty();
        long bestNamed = 0;
        for (int i = 0; i < passages.size(); i++) {
            Chunk chunk = passages.get(i).chunk();
            for (int s = 0; s < chunk.sentences().size(); s++) {
                Sentence sentence = chunk.sentences().get(s);
                // Cheap test first: only a sentence that states a limit or a variation can cure.
                long named = check.suppliesWhatAnswersLeaveOut(sentence.text());
                // One piece of a list misleads: a lead-in ends the answer on a colon, an item reads as the rule.
                if (named <= bestNamed
                        || answer.contains(sentence.text())
                        || !ShortLists.around(chunk, s).isEmpty()) {
                    continue;
                }
                Addition addition = new Addition(i + 1, passages.get(i), sentence);
                if (check.findings(question, answer + " " + addition.marked()).isEmpty()) {
                    best = Optional.of(addition);
                    bestNamed = named;
                }
            }
        }
        return best;
    }

    /** {@code answer} with the addition at its end and cited; a passage it cites already quotes it too. */
    public static ComposedAnswer added(ComposedAnswer answer, Addition addition) {
        Chunk chunk = addition.passage().chunk();
        List<Citation> citations = new ArrayList<>();
        Citation cited = null;
        for (Citation c : answer.citations()) {
            if (c.n() == addition.n()) {
                cited = c;
            } else {
                citations.add(c);
            }
        }
        citations.add(
                cited == null
                        ? Citation.of(
                                addition.n(),
                                chunk,
                                addition.sentence().text(),
                                List.of(addition.sentence().text()))
                        : widened(cited, chunk, addition.sentence()));
        citations.sort(Comparator.comparingInt(Citation::n));
        return ComposedAnswer.answered(answer.text().strip() + " " + addition.marked(), citations);
    }

    /** The citation's quote stretched, in the chunk's own text, to take in one more sentence. */
    private static Citation widened(Citation citation, Chunk chunk, Sentence sentence) {
        int quoted = chunk.text().indexOf(citation.quote());
        int start = quoted < 0 ? sentence.start() : Math.min(quoted, sentence.start());
        int end =
                quoted < 0 ? sentence.end() : Math.max(quoted + citation.quote().length(), sentence.end());
        List<String> sentences = new ArrayList<>(citation.sentences());
        sentences.add(sentence.text());
        return Citation.of(citation.n(), chunk, chunk.text().substring(start, end), sentences);
    }
}
