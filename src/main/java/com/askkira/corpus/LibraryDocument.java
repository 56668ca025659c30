package com.askkira.corpus;

import java.util.List;

/** One Markdown file of the library: its front matter and its body as blocks in reading order. */
public record LibraryDocument(FrontMatter meta, List<Block> blocks) {
    public LibraryDocument {
        blocks = List.copyOf(blocks);
    }
}
