package com.askkira.retrieval;

import com.askkira.language.SpanishGloss;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Searches the library for a reader's question as the library would read it: a question asked in
 * Spanish by its English gloss (and the conversation's, turn by turn), and without the asides that
 * say nothing about what is asked ("(just curious)", "[ref 12]", "thanks!"; {@code
 * retrieval/asides.txt}), so that an aside cannot change what Kira finds or whether it answers.
 */
public final class ReaderRetriever implements Retriever {
    private final Retriever library;
    private final SpanishGloss spanish;
    private final List<Pattern> asides;

    public ReaderRetriever(Retriever library, SpanishGloss spanish, List<Pattern> asides) {
        this.library = Objects.requireNonNull(library, "library");
        this.spanish = Objects.requireNonNull(spanish, "spanish");
        this.asides = List.copyOf(asides);
    }

    public static ReaderRetriever over(Retriever library, SpanishGloss spanish) {
        return new ReaderRetriever(library, spanish, asides());
    }

    @Override
    public Retrieval retrieve(RetrievalQuery query, int k) {
        List<Turn> history = query.history().stream()
                .map(t -> new Turn(t.role(), read(t.content())))
                .toList();
        return library.retrieve(new RetrievalQuery(read(query.question()), history), k);
    }

    /** The text as the library reads it; never empty when the text was not. */
    String read(String text) {
        String glossed = spanish.isSpanish(text) ? spanish.gloss(text) : text;
        String bare = glossed;
        for (Pattern aside : asides) {
            bare = aside.matcher(bare).replaceAll(" ");
        }
        bare = bare.replaceAll("\\s+", " ").strip();
        return bare.isEmpty() ? glossed : bare;
    }

    private static List<Pattern> asides() {
        try (InputStream in = ReaderRetriever.class.getResourceAsStream("/retrieval/asides.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /retrieval/asides.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> Pattern.compile(l, Pattern.CASE_INSENSITIVE))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
