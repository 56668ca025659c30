package com.askkira.corpus;

/** A sentence and where it stands in the text it was cut from ([start, end) offsets). */
public record Sentence(String text, int start, int end) {
    public Sentence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad sentence offsets " + start + ".." + end);
        }
    }
}
