package com.askkira.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a document into chunks that a citation can point at: a chunk never spans two headings,
 * never cuts a sentence, and keeps each bullet whole with its lead. Blocks of a section are packed
 * until the next would pass {@link #MAX_WORDS}; a bullet starts a chunk of its own once the current
 * one has {@link #MIN_WORDS}, so that a citation names the one exception it supports. A list of
 * one-sentence bullets is the exception: it stays whole, with its lead-in, as one answer.
 */
public final class Chunker {
    static final int MIN_WORDS = 40;
    static final int MAX_WORDS = 120;

    private final SentenceSplitter splitter;

    public Chunker(SentenceSplitter splitter) {
        this.splitter = splitter;
    }

    public List<Chunk> chunk(LibraryDocument document) {
        Map<List<String>, List<Block>> sections = new LinkedHashMap<>();
        for (Block block : document.blocks()) {
            sections.computeIfAbsent(block.headingPath(), k -> new ArrayList<>())
                    .add(block);
        }
        List<Chunk> chunks = new ArrayList<>();
        Map<String, Integer> anchorsSeen = new HashMap<>();
        for (Map.Entry<List<String>, List<Block>> section : sections.entrySet()) {
            String anchor = uniqueAnchor(Anchors.of(section.getKey().getLast()), anchorsSeen);
            List<List<Unit>> groups = pack(units(section.getValue()));
            for (int n = 0; n < groups.size(); n++) {
                chunks.add(toChunk(document.meta(), section.getKey(), anchor, n, groups.get(n), chunks.size()));
            }
        }
        return chunks;
    }

    /** A piece that is never split further: a bullet, a short paragraph, or a run of sentences. */
    private record Unit(BlockKind kind, String text, int words) {}

    private List<Unit> units(List<Block> blocks) {
        List<Unit> units = new ArrayList<>();
        for (Block block : blocks) {
            int words = words(block.text());
            if (block.kind() == BlockKind.BULLET || words <= MAX_WORDS) {
                units.add(new Unit(block.kind(), block.text(), words));
            } else {
                splitLongParagraph(block.text(), words, units);
            }
        }
        return units;
    }

    /** Splits a paragraph into near-equal runs of whole sentences, each at most MAX_WORDS. */
    private void splitLongParagraph(String text, int words, List<Unit> units) {
        int pieces = (words + MAX_WORDS - 1) / MAX_WORDS;
        int target = (words + pieces - 1) / pieces;
        StringBuilder run = new StringBuilder();
        int runWords = 0;
        for (Sentence sentence : splitter.split(text)) {
            int sentenceWords = words(sentence.text());
            if (runWords > 0 && (runWords + sentenceWords > MAX_WORDS || runWords >= target)) {
                units.add(new Unit(BlockKind.PARAGRAPH, run.toString(), runWords));
                run.setLength(0);
                runWords = 0;
            }
            if (!run.isEmpty()) {
                run.append(' ');
            }
            run.append(sentence.text());
            runWords += sentenceWords;
        }
        if (runWords > 0) {
            units.add(new Unit(BlockKind.PARAGRAPH, run.toString(), runWords));
        }
    }

    private List<List<Unit>> pack(List<Unit> units) {
        List<List<Unit>> groups = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        int currentWords = 0;
        for (Unit unit : units) {
            boolean leadIn = !current.isEmpty() && current.getLast().text().endsWith(":");
            boolean full = currentWords + unit.words() > MAX_WORDS;
            // One-sentence bullets are one list ("some states…, some…, a few…"): cut apart, an item reads as the rule.
            boolean listGoesOn = !current.isEmpty() && oneSentenceBullet(current.getLast()) && oneSentenceBullet(unit);
            boolean bulletWantsOwnChunk = unit.kind() == BlockKind.BULLET && currentWords >= MIN_WORDS && !listGoesOn;
            boolean afterBullets = current.stream().anyMatch(u -> u.kind() == BlockKind.BULLET)
                    && unit.kind() == BlockKind.PARAGRAPH
                    && currentWords >= MIN_WORDS;
            if (!current.isEmpty() && !leadIn && (full || bulletWantsOwnChunk || afterBullets)) {
                groups.add(current);
                current = new ArrayList<>();
                currentWords = 0;
            }
            current.add(unit);
            currentWords += unit.words();
        }
        if (!current.isEmpty()) {
            // A short tail reads better joined to the chunk before it, if that stays within bounds.
            if (!groups.isEmpty()
                    && currentWords < MIN_WORDS / 2
                    && words(groups.getLast()) + currentWords <= MAX_WORDS) {
                groups.getLast().addAll(current);
            } else {
                groups.add(current);
            }
        }
        return groups;
    }

    private boolean oneSentenceBullet(Unit unit) {
        return unit.kind() == BlockKind.BULLET && splitter.split(unit.text()).size() == 1;
    }

    private Chunk toChunk(
            FrontMatter meta, List<String> headingPath, String anchor, int n, List<Unit> units, int position) {
        StringBuilder text = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        for (Unit unit : units) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            int offset = text.length();
            text.append(unit.text());
            for (Sentence s : splitter.split(unit.text())) {
                sentences.add(new Sentence(s.text(), s.start() + offset, s.end() + offset));
            }
        }
        return new Chunk(
                meta.slug() + "#" + anchor + "-" + n,
                meta.slug(),
                meta.title(),
                meta.type(),
                headingPath.getLast(),
                headingPath,
                meta.url() + "#" + anchor,
                text.toString(),
                sentences,
                meta.lastUpdated(),
                meta.reviewedBy(),
                position);
    }

    private static String uniqueAnchor(String anchor, Map<String, Integer> seen) {
        int count = seen.merge(anchor, 1, Integer::sum);
        return count == 1 ? anchor : anchor + "-" + (count - 1);
    }

    private static int words(List<Unit> units) {
        return units.stream().mapToInt(Unit::words).sum();
    }

    static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
