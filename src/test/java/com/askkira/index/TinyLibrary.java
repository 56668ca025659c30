package com.askkira.index;

import com.askkira.corpus.Chunker;
import com.askkira.corpus.Library;
import com.askkira.corpus.MarkdownDocumentParser;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.embedding.Embedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one-article library of {@code corpus-tiny}, copied where a test may add to it, and the builder that indexes it. */
final class TinyLibrary {
    private static final Path ARTICLE = Path.of("src/test/resources/corpus-tiny/tiny-article.md");

    private TinyLibrary() {}

    /** The tiny article copied into {@code corpus}, read as a library. */
    static Library copiedTo(Path corpus) throws IOException {
        Files.copy(ARTICLE, corpus.resolve(ARTICLE.getFileName()));
        return new Library(corpus, new MarkdownDocumentParser());
    }

    static IndexBuilder builder(Embedder embedder) {
        return new IndexBuilder(new Chunker(new SentenceSplitter()), embedder);
    }
}
