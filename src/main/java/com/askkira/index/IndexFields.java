package com.askkira.index;

/** Every Lucene field name Kira uses, in one place. */
public final class IndexFields {
    private IndexFields() {}

    // Searched with English analysis.
    public static final String TEXT = "text";
    public static final String HEADINGS = "headings";
    public static final String TITLE = "title";
    /** Unstemmed words of text and headings: the vocabulary that spelling correction draws on. */
    public static final String SPELL = "spell";

    public static final String VECTOR = "vector";
    /** All the text of the chunk's section, headings included: the section as one searchable unit. */
    public static final String SECTION_TEXT = "sectionText";
    /** The mean of the embeddings of the section's chunks. */
    public static final String SECTION_VECTOR = "sectionVector";

    // Stored for display and citation.
    public static final String ID = "id";
    public static final String DOC_SLUG = "doc";
    public static final String TYPE = "type";
    public static final String STORED_TITLE = "storedTitle";
    public static final String SECTION = "section";
    public static final String HEADING_PATH = "headingPath";
    public static final String URL = "url";
    public static final String STORED_TEXT = "storedText";
    public static final String SENTENCE_OFFSETS = "sentenceOffsets";
    public static final String SENTENCE_VECTORS = "sentenceVectors";
    public static final String SENTENCE_GENERALITY = "sentenceGenerality";
    public static final String LAST_UPDATED = "lastUpdated";
    public static final String REVIEWED_BY = "reviewedBy";
    public static final String POSITION = "position";

    // Commit user data: what the index was built from.
    public static final String COMMIT_SCHEMA = "kira.schema";
    public static final String COMMIT_CORPUS = "kira.corpusFingerprint";
    public static final String COMMIT_EMBEDDER = "kira.embedder";
    public static final String COMMIT_BUILT_AT = "kira.builtAt";
    public static final String COMMIT_CHUNKS = "kira.chunks";

    /** Bump when fields or analysis change, so that old indexes are rebuilt. */
    public static final String SCHEMA_VERSION = "5";
}
