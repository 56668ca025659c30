package com.askkira.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Short lists in a chunk: a sentence that introduces them ("…differ from state to state:") and the
 * one-sentence items after it, each a block of its own. Quoted apart, such a list misleads: "Some
 * states make a duty to warn mandatory" alone reads as the whole rule, and a lead-in alone ends on
 * a colon. So an answer quotes a short list whole or not at all. Lists whose items run to several
 * sentences (the article's exceptions, each a paragraph) are topics of their own and are left alone.
 */
public final class ShortLists {
    /** Longer lists are an index of a document, not the answer to a question. */
    static final int MAX_ITEMS = 8;

    private ShortLists() {}

    /**
     * The list that the sentence at {@code index} belongs to, lead-in first, in chunk order: the
     * sentence is one of its items, or a sentence of the paragraph that introduces it (the paragraph
     * that ends in the lead-in, so "A final rule … changed Part 2. … The rule made these changes:"
     * brings its changes). Empty when it is in no short list.
     */
    public static List<Integer> around(Chunk chunk, int index) {
        List<Block> blocks = blocks(chunk);
        int block = blockOf(blocks, index);
        int leadIn = isLeadIn(chunk, blocks, block)
                ? block
                : blocks.get(block).isItem() ? leadInBefore(chunk, blocks, block) : -1;
        if (leadIn < 0) {
            return List.of();
        }
        List<Integer> list = new ArrayList<>(List.of(blocks.get(leadIn).last()));
        for (int b = leadIn + 1; b < blocks.size() && blocks.get(b).isItem(); b++) {
            list.add(blocks.get(b).first());
        }
        return list.size() - 1 > MAX_ITEMS ? List.of() : list;
    }

    /** A paragraph or list item of the chunk: the indexes of its first and last sentence. */
    private record Block(int first, int last) {
        /** One sentence: what a short list's item is. */
        boolean isItem() {
            return first == last;
        }
    }

    /** A block's last sentence ends with a colon and a one-sentence block follows it. */
    private static boolean isLeadIn(Chunk chunk, List<Block> blocks, int block) {
        return chunk.sentences().get(blocks.get(block).last()).text().endsWith(":")
                && block + 1 < blocks.size()
                && blocks.get(block + 1).isItem();
    }

    private static int leadInBefore(Chunk chunk, List<Block> blocks, int item) {
        for (int b = item - 1; b >= 0; b--) {
            if (isLeadIn(chunk, blocks, b)) {
                return b;
            }
            if (!blocks.get(b).isItem()) {
                return -1;
            }
        }
        return -1;
    }

    private static int blockOf(List<Block> blocks, int index) {
        for (int b = 0; b < blocks.size(); b++) {
            if (index <= blocks.get(b).last()) {
                return b;
            }
        }
        throw new IllegalArgumentException("no sentence " + index + " in the chunk");
    }

    private static List<Block> blocks(Chunk chunk) {
        int count = chunk.sentences().size();
        List<Block> blocks = new ArrayList<>();
        int first = 0;
        for (int i = 1; i <= count; i++) {
            if (i == count || !chunk.sameBlock(i - 1, i)) {
                blocks.add(new Block(first, i - 1));
                first = i;
            }
        }
        return blocks;
    }
}
