package com.askkira.retrieval;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A retrieved passage as LangChain4j content: its text with the chunk's id, document title,
 * section, URL and type as metadata, and its fused score. The passage itself stays reachable, so
 * Kira's guardrails can check an answer against exactly what the model was given.
 */
public record PassageContent(Passage passage) implements Content {
    public static final String CHUNK_ID = "chunk_id";
    public static final String TITLE = "title";
    public static final String SECTION = "section";
    public static final String URL = "url";
    public static final String TYPE = "document_type";

    public PassageContent {
        Objects.requireNonNull(passage, "passage");
    }

    public static List<Content> of(List<Passage> passages) {
        return passages.stream().<Content>map(PassageContent::new).toList();
    }

    /** The passages behind {@code contents}, in order; content that is not a library passage is skipped. */
    public static List<Passage> passages(List<Content> contents) {
        return contents.stream()
                .filter(PassageContent.class::isInstance)
                .map(c -> ((PassageContent) c).passage())
                .toList();
    }

    @Override
    public TextSegment textSegment() {
        var chunk = passage.chunk();
        return TextSegment.from(
                chunk.text(),
                Metadata.from(Map.of(
                        CHUNK_ID, chunk.id(),
                        TITLE, chunk.title(),
                        SECTION, chunk.section(),
                        URL, chunk.url(),
                        TYPE, chunk.type().name().toLowerCase(java.util.Locale.ROOT))));
    }

    @Override
    public Map<ContentMetadata, Object> metadata() {
        return Map.of(ContentMetadata.SCORE, passage.score());
    }
}
