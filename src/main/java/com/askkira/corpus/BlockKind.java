package com.askkira.corpus;

/** What a block of body text was in the Markdown. */
public enum BlockKind {
    PARAGRAPH,
    BULLET
}
