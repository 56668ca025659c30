package com.askkira.answer;

import com.askkira.config.Tuning;
import com.askkira.corpus.ShortLists;
import com.askkira.embedding.Embedder;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The default answerer: no network, no model. It picks the sentences of the retrieved passages
 * that best answer the question and quotes them, each followed by its {@code [n]} marker, so every
 * sentence it writes is a sentence of the library. Whether to answer at all is {@link
 * AnswerDecision}'s call, learned from labelled questions.
 */
public final class OfflineAnswerer implements Answerer {
    /** Openers that lean on the sentence before them: quoting one alone would mislead. */
    private static final Pattern DEPENDENT_OPENER = Pattern.compile(
            "^(This|These|That|Those|It|They|Such|However|But|Despite|In these cases|In this case|In practice|"
                    + "As a result|Also|Otherwise|Instead)\\b.*");

    private static final int SHORT_LEAD_WORDS = 6;

    private final SentenceScorer scorer;
    private final Decider decider;
    private final AbstentionWriter abstentions;
    private final FactSentences facts;
    private final Tuning.Answer tuning;

    public OfflineAnswerer(
            SentenceScorer scorer,
            Decider decider,
            AbstentionWriter abstentions,
            FactSentences facts,
            Tuning.Answer tuning) {
        this.scorer = scorer;
        this.decider = decider;
        this.abstentions = abstentions;
        this.facts = facts;
        this.tuning = tuning;
    }

    /**
     * The sentences an answer quotes, before {@link FactSentences} adds to them.
     *
     * @param candidates every sentence scored: the top passages' and the rest of the best's section
     * @param best the sentence the answer leads with
     * @param chosen the best and what the answerer's own rules keep with it
     */
    public record Selection(List<ScoredSentence> candidates, ScoredSentence best, List<ScoredSentence> chosen) {}

    @Override
    public String modelName() {
        return "offline-extractive";
    }

    @Override
    public ComposedAnswer answer(String question, Retrieval retrieval) {
        List<ScoredSentence> ranked = scorer.score(retrieval, tuning.passages());
        AnswerDecision.Outcome outcome = decider.decide(retrieval, ranked);
        // A follow-up inherits the field of the conversation it continues: at worst it is not covered.
        if (outcome == AnswerDecision.Outcome.OUT_OF_SCOPE && !retrieval.followUp()) {
            return abstentions.write(AbstainReason.OUT_OF_SCOPE, List.of());
        }
        Optional<ScoredSentence> best = ranked.stream()
                .filter(OfflineAnswerer::quotable)
                .max(Comparator.comparingDouble(ScoredSentence::score));
        if (outcome != AnswerDecision.Outcome.ANSWER || best.isEmpty()) {
            return abstentions.write(AbstainReason.NOT_COVERED, retrieval.rankedPassages());
        }
        return compose(readingOrder(withLikelyFacts(question, selection(retrieval, ranked, best.get()))));
    }

    /**
     * What an answer from {@code retrieval} would quote before {@link FactSentences} adds to it,
     * whether or not the decision answers: the data that model is fitted on.
     */
    public Optional<Selection> selection(Retrieval retrieval) {
        List<ScoredSentence> ranked = scorer.score(retrieval, tuning.passages());
        return ranked.stream()
                .filter(OfflineAnswerer::quotable)
                .max(Comparator.comparingDouble(ScoredSentence::score))
                .map(best -> selection(retrieval, ranked, best));
    }

    private Selection selection(Retrieval retrieval, List<ScoredSentence> ranked, ScoredSentence best) {
        List<ScoredSentence> rest = restOfSection(retrieval, best);
        List<ScoredSentence> chosen = withRestOfSection(select(ranked, best), rest, best);
        List<ScoredSentence> sentences = new ArrayList<>(ranked);
        sentences.addAll(rest);
        return new Selection(sentences, best, withWholeLists(withContext(chosen, sentences), sentences));
    }

    /**
     * The selection and the sentences the learned model reads as stating a fact the question needs,
     * each with what it leans on ("This means…") and whole lists.
     */
    private List<ScoredSentence> withLikelyFacts(String question, Selection selection) {
        List<ScoredSentence> likely =
                facts.likely(question, selection.candidates(), selection.best(), selection.chosen());
        if (likely.isEmpty()) {
            return selection.chosen();
        }
        List<ScoredSentence> out = new ArrayList<>(selection.chosen());
        for (ScoredSentence s : likely) {
            if (!out.contains(s)) {
                out.add(s);
            }
            if (leans(s)) {
                sentenceAt(selection.candidates(), s.passage(), s.index() - 1)
                        .filter(previous -> !out.contains(previous))
                        .ifPresent(out::add);
            }
        }
        return withWholeLists(out, selection.candidates());
    }

    /**
     * The sentences of the rest of the best sentence's section that came with the retrieval ({@link
     * com.askkira.retrieval.SectionMates}), standing as the best's passage does.
     */
    private List<ScoredSentence> restOfSection(Retrieval retrieval, ScoredSentence best) {
        List<ScoredSentence> rest = new ArrayList<>();
        String section = best.passage().chunk().sectionKey();
        for (Passage mate : retrieval.sectionRest()) {
            if (mate.chunk().sectionKey().equals(section)) {
                rest.addAll(scorer.score(retrieval, mate, best.passageRank()));
            }
        }
        return rest;
    }

    /**
     * The chosen sentences, and those of the rest of the best's section nearly as close to the
     * question as the best (as {@link #select} judges), best first: the section that answers often
     * gives its condition or exception a paragraph after the one the search found.
     */
    private List<ScoredSentence> withRestOfSection(
            List<ScoredSentence> chosen, List<ScoredSentence> rest, ScoredSentence best) {
        List<ScoredSentence> out = new ArrayList<>(chosen);
        List<ScoredSentence> byScore = new ArrayList<>(rest);
        byScore.sort(Comparator.comparingDouble(ScoredSentence::score).reversed());
        int added = 0;
        for (ScoredSentence candidate : byScore) {
            if (added >= tuning.restOfSection()) {
                break;
            }
            if (closeEnough(candidate, best) && quotable(candidate) && !repeats(candidate, out)) {
                out.add(candidate);
                added++;
            }
        }
        return out;
    }

    private boolean closeEnough(ScoredSentence candidate, ScoredSentence best) {
        return candidate.semantic() >= best.semantic() - tuning.closeness()
                && candidate.score() >= tuning.keepRatio() * best.score();
    }

    /**
     * The best sentence, then others nearly as close in meaning (within {@code closeness} of it),
     * best first. When the best stands alone, the sentence after it in its passage may join it: it
     * usually carries the rest of the thought.
     */
    private List<ScoredSentence> select(List<ScoredSentence> sentences, ScoredSentence best) {
        List<ScoredSentence> ranked = new ArrayList<>(sentences);
        ranked.sort(Comparator.comparingDouble(ScoredSentence::score).reversed());
        List<ScoredSentence> chosen = new ArrayList<>(List.of(best));
        for (ScoredSentence candidate : ranked) {
            if (chosen.size() >= tuning.maxSentences()) {
                break;
            }
            // Near the question is not enough: it must also speak to what the best sentence speaks to.
            boolean onTopic = candidate.passage() == best.passage()
                    || Embedder.dot(candidate.vector(), best.vector()) >= tuning.coherence();
            if (closeEnough(candidate, best) && onTopic && quotable(candidate) && !repeats(candidate, chosen)) {
                chosen.add(candidate);
            }
        }
        // A question often spans sections (the rule and its exception, the law and the ethics code): while fewer
        // sections than that are quoted, the best sentence of another joins if it scores nearly as well as the best.
        Set<String> sections = new HashSet<>();
        chosen.forEach(c -> sections.add(c.passage().chunk().sectionKey()));
        for (ScoredSentence candidate : ranked) {
            if (sections.size() >= tuning.sections()) {
                break;
            }
            if (!sections.contains(candidate.passage().chunk().sectionKey())
                    && quotable(candidate)
                    && candidate.score() >= tuning.secondSection() * best.score()) {
                chosen.add(candidate);
                sections.add(candidate.passage().chunk().sectionKey());
            }
        }
        if (chosen.size() == 1) {
            sentenceAt(sentences, best.passage(), best.index() + 1)
                    .filter(s -> s.semantic() >= best.semantic() - 2 * tuning.closeness() && quotable(s))
                    .ifPresent(chosen::add);
        }
        return chosen;
    }

    /** Whether {@code s} opens on the sentence before it ("This means…"): quoted alone, it would mislead. */
    private static boolean leans(ScoredSentence s) {
        return s.index() > 0 && DEPENDENT_OPENER.matcher(s.text()).matches();
    }

    /** A sentence that introduces a list ("…without consent:") says nothing on its own. */
    private static boolean quotable(ScoredSentence s) {
        return !s.text().endsWith(":");
    }

    private boolean repeats(ScoredSentence candidate, List<ScoredSentence> chosen) {
        return chosen.stream()
                .anyMatch(c -> c == candidate || Embedder.dot(c.vector(), candidate.vector()) > tuning.redundancy());
    }

    /**
     * Adds the sentence before a chosen one when the chosen one leans on it ("This means…") or
     * when the best sentence follows a short lead that answers outright ("In most circumstances, no.").
     */
    private List<ScoredSentence> withContext(List<ScoredSentence> chosen, List<ScoredSentence> all) {
        List<ScoredSentence> out = new ArrayList<>(chosen);
        for (ScoredSentence s : chosen) {
            if (s.index() == 0) {
                continue;
            }
            ScoredSentence previous =
                    sentenceAt(all, s.passage(), s.index() - 1).orElseThrow();
            boolean shortLead = s == chosen.getFirst()
                    && previous.index() == 0
                    && previous.text().split("\\s+").length <= SHORT_LEAD_WORDS;
            if ((leans(s) || shortLead) && !out.contains(previous)) {
                out.add(previous);
            }
        }
        // The best sentence keeps what follows it in its paragraph: the answer after a lead-in, or
        // the condition or exception of a rule; the best sentence of each other section keeps less.
        ScoredSentence best = chosen.getFirst();
        keepFollowing(best, tuning.following(), all, out);
        keepLeading(best, tuning.leading(), all, out);
        // Deeper in a section ("Group agreements: …"), the best sentence keeps the one that opens it
        // ("…the therapist cannot legally guarantee the confidentiality of information shared…").
        if (best.passage().chunk().opensSection()) {
            sentenceAt(all, best.passage(), 0)
                    .filter(n -> quotable(n) && !out.contains(n))
                    .ifPresent(out::add);
        }
        Set<String> sections = new HashSet<>(List.of(best.passage().chunk().sectionKey()));
        for (ScoredSentence s : chosen) {
            if (sections.add(s.passage().chunk().sectionKey())) {
                keepFollowing(s, tuning.sectionFollowing(), all, out);
            }
        }
        return out;
    }

    private void keepFollowing(ScoredSentence first, int count, List<ScoredSentence> all, List<ScoredSentence> out) {
        keepNeighbours(first, count, 1, all, out);
    }

    private void keepLeading(ScoredSentence first, int count, List<ScoredSentence> all, List<ScoredSentence> out) {
        keepNeighbours(first, count, -1, all, out);
    }

    /** Up to {@code count} sentences of {@code first}'s paragraph, walking from it by {@code step} (1 or -1). */
    private void keepNeighbours(
            ScoredSentence first, int count, int step, List<ScoredSentence> all, List<ScoredSentence> out) {
        ScoredSentence last = first;
        for (int more = 0; more < count; more++) {
            ScoredSentence from = last;
            Optional<ScoredSentence> next = sentenceAt(all, from.passage(), from.index() + step)
                    .filter(n -> step > 0 ? sameParagraph(from, n) : sameParagraph(n, from));
            if (next.isEmpty()) {
                break;
            }
            if (!quotable(next.get())) {
                // The paragraph goes on into a list: its lead-in comes, and withWholeLists brings the items.
                if (step > 0 && inShortList(next.get())) {
                    out.add(next.get());
                }
                break;
            }
            if (!out.contains(next.get())) {
                out.add(next.get());
            }
            last = next.get();
        }
    }

    /**
     * Every short list the answer quotes from, whole: its lead-in and all its items ({@link
     * ShortLists}). A lead-in left without its list, or one item without the others, would mislead.
     */
    private static List<ScoredSentence> withWholeLists(List<ScoredSentence> chosen, List<ScoredSentence> all) {
        List<ScoredSentence> out = new ArrayList<>(chosen);
        for (ScoredSentence s : chosen) {
            for (int index : ShortLists.around(s.passage().chunk(), s.index())) {
                sentenceAt(all, s.passage(), index)
                        .filter(n -> !out.contains(n))
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    private static boolean inShortList(ScoredSentence s) {
        return !ShortLists.around(s.passage().chunk(), s.index()).isEmpty();
    }

    /** The scored sentence at {@code index} of {@code passage}, if it was scored. */
    private static Optional<ScoredSentence> sentenceAt(List<ScoredSentence> all, Passage passage, int index) {
        return all.stream()
                .filter(n -> n.passage() == passage && n.index() == index)
                .findFirst();
    }

    private static boolean sameParagraph(ScoredSentence first, ScoredSentence next) {
        return first.passage().chunk().sameBlock(first.index(), next.index());
    }

    /** Passages in order of their best chosen sentence; sentences in the order the passage has them. */
    private static List<List<ScoredSentence>> readingOrder(List<ScoredSentence> chosen) {
        Map<Passage, List<ScoredSentence>> byPassage = new LinkedHashMap<>();
        chosen.stream()
                .sorted(Comparator.comparingDouble(ScoredSentence::score).reversed())
                .forEach(s -> byPassage
                        .computeIfAbsent(s.passage(), p -> new ArrayList<>())
                        .add(s));
        List<List<ScoredSentence>> groups = new ArrayList<>();
        for (List<ScoredSentence> group : byPassage.values()) {
            group.sort(Comparator.comparingInt(ScoredSentence::index));
            groups.add(group);
        }
        return groups;
    }

    private static ComposedAnswer compose(List<List<ScoredSentence>> groups) {
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        for (List<ScoredSentence> group : groups) {
            int n = citations.size() + 1;
            Passage passage = group.getFirst().passage();
            for (ScoredSentence s : group) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(CitationMarkers.mark(s.text(), n));
            }
            citations.add(Citation.of(
                    n,
                    passage.chunk(),
                    quote(passage, group),
                    group.stream().map(ScoredSentence::text).toList()));
        }
        return ComposedAnswer.answered(text.toString(), citations);
    }

    /** The verbatim span of the chunk from the first quoted sentence to the last. */
    private static String quote(Passage passage, List<ScoredSentence> group) {
        var sentences = passage.chunk().sentences();
        int start = sentences.get(group.getFirst().index()).start();
        int end = sentences.get(group.getLast().index()).end();
        return passage.chunk().text().substring(start, end);
    }
}
