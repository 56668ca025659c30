package com.askkira.embedding;

import java.util.Arrays;

/**
 * The {@code k} most similar items offered, most similar first and, among equals ({@link
 * Double#compare}), the first offered first: exactly the head of a stable sort by similarity, kept
 * without sorting them all. The crisis screen's nearest exemplars and the answer decision's nearest
 * labelled questions are both read this way.
 */
public final class MostSimilar<T> {
    private final Object[] items;
    private final double[] similarities;
    private int size;

    public MostSimilar(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.items = new Object[k];
        this.similarities = new double[k];
    }

    public void offer(T item, double similarity) {
        // After every kept one at least as similar: stable.
        int at = size;
        while (at > 0 && Double.compare(similarity, similarities[at - 1]) > 0) {
            at--;
        }
        if (at == items.length) {
            return;
        }
        int last = Math.min(size, items.length - 1);
        System.arraycopy(items, at, items, at + 1, last - at);
        System.arraycopy(similarities, at, similarities, at + 1, last - at);
        items[at] = item;
        similarities[at] = similarity;
        size = Math.min(size + 1, items.length);
    }

    /** How many are kept: {@code k}, or fewer when fewer were offered. */
    public int size() {
        return size;
    }

    /** The {@code i}-th most similar item kept. */
    @SuppressWarnings("unchecked") // only offer() stores items, and it takes a T
    public T item(int i) {
        return (T) items[rank(i)];
    }

    public double similarity(int i) {
        return similarities[rank(i)];
    }

    /** The similarities kept, most similar first. */
    public double[] similarities() {
        return Arrays.copyOf(similarities, size);
    }

    private int rank(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }
}
