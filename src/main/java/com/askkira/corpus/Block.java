package com.askkira.corpus;

import java.util.List;

/**
 * A paragraph or list item in plain text, with the headings it sits under (outermost first). A
 * bullet's bold lead ("Court orders and valid subpoenas:") stays at the start of its text.
 */
public record Block(List<String> headingPath, BlockKind kind, String text) {
    public Block {
        headingPath = List.copyOf(headingPath);
        if (headingPath.isEmpty()) {
            throw new IllegalArgumentException("a block sits under at least the document title");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a block has text");
        }
    }

    public String section() {
        return headingPath.getLast();
    }
}
