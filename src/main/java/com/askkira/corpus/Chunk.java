package com.askkira.corpus;

import java.time.LocalDate;
import java.util.List;

/**
 * A citable passage: whole sentences under one heading, with what a reader needs to judge it (the
 * document, its type, when it was last updated and who reviewed it).
 *
 * @param id stable id {@code slug#anchor-n}, n counting the chunks of that section from 0
 * @param headingPath the headings above the chunk, outermost first; its last one is {@code section}
 * @param position the chunk's place in its document, for reading order
 */
public record Chunk(
        String id,
        String docSlug,
        String title,
        DocumentType type,
        String section,
        List<String> headingPath,
        String url,
        String text,
        List<Sentence> sentences,
        LocalDate lastUpdated,
        String reviewedBy,
        int position) {

    public Chunk {
        headingPath = List.copyOf(headingPath);
        sentences = List.copyOf(sentences);
        for (Sentence s : sentences) {
            if (!text.substring(s.start(), s.end()).equals(s.text())) {
                throw new IllegalArgumentException("sentence offsets do not match the text of " + id);
            }
        }
    }

    /** The part of the id after '#', without the trailing chunk number: the heading's anchor. */
    public String anchor() {
        String fragment = id.substring(id.indexOf('#') + 1);
        return fragment.substring(0, fragment.lastIndexOf('-'));
    }

    /**
     * A chunk id ({@code slug#anchor-n}) as golden sets name its section ({@code slug#anchor}): what
     * {@link #sectionKey()} gives for the chunk, read from its id alone.
     */
    public static String sectionKeyOf(String chunkId) {
        int dash = chunkId.lastIndexOf('-');
        return dash > chunkId.indexOf('#') ? chunkId.substring(0, dash) : chunkId;
    }

    /** Document slug and anchor: what a golden set names as "the right section". */
    public String sectionKey() {
        return docSlug + "#" + anchor();
    }

    /**
     * Whether sentences {@code first} and {@code next} (later in the chunk) are in one block: one
     * paragraph or one list item, with no line break between them.
     */
    public boolean sameBlock(int first, int next) {
        return !text.substring(sentences.get(first).end(), sentences.get(next).start())
                .contains("\n");
    }

    /** The section's first chunk, whose first sentence usually says what the section is about. */
    public boolean opensSection() {
        return id.endsWith("-0");
    }

    public int wordCount() {
        return Chunker.words(text);
    }
}
