package com.askkira.corpus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The YAML block at the top of every library document; corpus/README.md documents each key. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FrontMatter(
        String title,
        String slug,
        String url,
        DocumentType type,
        LocalDate lastUpdated,
        String reviewedBy,
        String summary,
        String category,
        String sourceKind,
        String citation,
        List<Reference> references) {

    public FrontMatter {
        requireText(title, "title");
        requireText(slug, "slug");
        requireText(url, "url");
        Objects.requireNonNull(type, "front matter needs 'type' (article or source)");
        Objects.requireNonNull(lastUpdated, "front matter needs 'lastUpdated' (YYYY-MM-DD)");
        requireText(reviewedBy, "reviewedBy");
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("slug must be lower-case words joined by hyphens: " + slug);
        }
        references = references == null ? List.of() : List.copyOf(references);
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("front matter needs '" + key + "'");
        }
    }
}
