package com.askkira.retrieval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a search found, and how it understood the question: the text it searched for (the question
 * resolved against history and spelling), whether it leaned on an earlier question, its embedding,
 * and its analysed terms (synonyms included) weighted by how rare they are in the library.
 *
 * @param passages the passages ranked by the search, best first, then any the answer may also quote
 *     from (the rest of their sections, {@link SectionMates}), in reading order
 * @param ranked how many of {@code passages} the search ranked: the first ones
 */
public record Retrieval(
        String searchText,
        boolean followUp,
        float[] queryVector,
        QueryTerms queryTerms,
        List<Passage> passages,
        int ranked) {
    public Retrieval {
        passages = List.copyOf(passages);
        if (ranked < 0 || ranked > passages.size()) {
            throw new IllegalArgumentException("ranked " + ranked + " of " + passages.size() + " passages");
        }
    }

    /** A search whose passages were all ranked. */
    public Retrieval(
            String searchText, boolean followUp, float[] queryVector, QueryTerms queryTerms, List<Passage> passages) {
        this(searchText, followUp, queryVector, queryTerms, passages, passages.size());
    }

    /** The passages the search ranked, best first: what the decision to answer, a prompt and related reading read. */
    public List<Passage> rankedPassages() {
        return passages.subList(0, ranked);
    }

    /** The passages after the ranked ones: the rest of their sections, which an answer may quote too. */
    public List<Passage> sectionRest() {
        return passages.subList(ranked, passages.size());
    }

    /** The same search, with {@code more} passages after the ranked ones (those already here are skipped). */
    public Retrieval with(List<Passage> more) {
        Set<String> present = new HashSet<>();
        passages.forEach(p -> present.add(p.chunk().id()));
        List<Passage> all = new ArrayList<>(passages);
        more.stream().filter(p -> present.add(p.chunk().id())).forEach(all::add);
        return new Retrieval(searchText, followUp, queryVector, queryTerms, all, ranked);
    }

    /**
     * The same search, keeping only the ranked passages an answer cites ({@code chunkIds}), in rank
     * order. A cited passage from the rest of a section stands for the passage of its section the
     * search ranked: what the search found is what an answer is judged by.
     */
    public Retrieval onlyPassages(Set<String> chunkIds) {
        Set<String> citedSections = new HashSet<>();
        sectionRest().stream()
                .filter(p -> chunkIds.contains(p.chunk().id()))
                .forEach(p -> citedSections.add(p.chunk().sectionKey()));
        List<Passage> kept = new ArrayList<>();
        for (Passage p : rankedPassages()) {
            if (chunkIds.contains(p.chunk().id())
                    || citedSections.remove(p.chunk().sectionKey())) {
                kept.add(p);
            }
        }
        return new Retrieval(searchText, followUp, queryVector, queryTerms, kept);
    }

    /**
     * The passages an answer was written from, when nothing else of the search is known (an answer
     * checked after the fact): no query vector, no term weights.
     */
    public static Retrieval of(String question, List<Passage> passages) {
        return new Retrieval(question, false, new float[0], QueryTerms.NONE, passages);
    }
}
