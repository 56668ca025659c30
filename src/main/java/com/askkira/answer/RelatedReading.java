package com.askkira.answer;

import com.askkira.corpus.Chunk;
import java.util.Objects;

/** A section of the library near a question it does not answer: offered as reading, not as an answer. */
public record RelatedReading(String title, String section, String url) {
    public RelatedReading {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(url, "url");
    }

    static RelatedReading of(Chunk chunk) {
        return new RelatedReading(chunk.title(), chunk.section(), chunk.url());
    }
}
