package com.askkira.retrieval;

import com.askkira.language.SpanishGloss;
import java.util.List;
import java.util.Objects;

/**
 * Searches the English library for a question asked in Spanish by its English gloss (and the
 * conversation's, turn by turn); an English question is searched as it is.
 */
public final class BilingualRetriever implements Retriever {
    private final Retriever english;
    private final SpanishGloss spanish;

    public BilingualRetriever(Retriever english, SpanishGloss spanish) {
        this.english = Objects.requireNonNull(english, "english");
        this.spanish = Objects.requireNonNull(spanish, "spanish");
    }

    @Override
    public Retrieval retrieve(RetrievalQuery query, int k) {
        List<Turn> history = query.history().stream()
                .map(t -> new Turn(t.role(), read(t.content())))
                .toList();
        return english.retrieve(new RetrievalQuery(read(query.question()), history), k);
    }

    private String read(String text) {
        return spanish.isSpanish(text) ? spanish.gloss(text) : text;
    }
}
