package com.askkira.index;

import static com.askkira.index.IndexFields.*;

import com.askkira.corpus.Chunk;
import com.askkira.corpus.DocumentType;
import com.askkira.corpus.Sentence;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Writes a chunk as a Lucene document and reads it back. */
final class ChunkCodec {
    private ChunkCodec() {}

    static Document toDocument(
            Chunk chunk,
            float[] chunkVector,
            List<float[]> sentenceVectors,
            List<Float> sentenceGenerality,
            String sectionText,
            float[] sectionVector) {
        Document doc = new Document();
        doc.add(new StringField(ID, chunk.id(), Field.Store.YES));
        doc.add(new StringField(DOC_SLUG, chunk.docSlug(), Field.Store.YES));
        doc.add(new StringField(TYPE, chunk.type().wireName(), Field.Store.YES));
        doc.add(new TextField(TEXT, chunk.text(), Field.Store.NO));
        doc.add(new TextField(HEADINGS, String.join(". ", chunk.headingPath()), Field.Store.NO));
        doc.add(new TextField(TITLE, chunk.title(), Field.Store.NO));
        doc.add(new TextField(SPELL, chunk.text() + "\n" + String.join("\n", chunk.headingPath()), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, chunkVector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new TextField(SECTION_TEXT, sectionText, Field.Store.NO));
        doc.add(new KnnFloatVectorField(SECTION_VECTOR, sectionVector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new StoredField(STORED_TITLE, chunk.title()));
        doc.add(new StoredField(SECTION, chunk.section()));
        for (String heading : chunk.headingPath()) {
            doc.add(new StoredField(HEADING_PATH, heading));
        }
        doc.add(new StoredField(URL, chunk.url()));
        doc.add(new StoredField(STORED_TEXT, chunk.text()));
        doc.add(new StoredField(SENTENCE_OFFSETS, offsets(chunk.sentences())));
        doc.add(new StoredField(SENTENCE_VECTORS, new BytesRef(pack(sentenceVectors))));
        doc.add(new StoredField(SENTENCE_GENERALITY, new BytesRef(pack(List.of(toArray(sentenceGenerality))))));
        doc.add(new StoredField(LAST_UPDATED, chunk.lastUpdated().toString()));
        doc.add(new StoredField(REVIEWED_BY, chunk.reviewedBy()));
        doc.add(new StoredField(POSITION, chunk.position()));
        return doc;
    }

    static IndexedChunk fromDocument(Document doc) {
        String text = doc.get(STORED_TEXT);
        List<Sentence> sentences = sentences(text, doc.get(SENTENCE_OFFSETS));
        Chunk chunk = new Chunk(
                doc.get(ID),
                doc.get(DOC_SLUG),
                doc.get(STORED_TITLE),
                DocumentType.fromWireName(doc.get(TYPE)),
                doc.get(SECTION),
                Arrays.asList(doc.getValues(HEADING_PATH)),
                doc.get(URL),
                text,
                sentences,
                LocalDate.parse(doc.get(LAST_UPDATED)),
                doc.get(REVIEWED_BY),
                doc.getField(POSITION).numericValue().intValue());
        float[] generality = unpack(doc.getBinaryValue(SENTENCE_GENERALITY), 1).getFirst();
        List<Float> perSentence = new ArrayList<>();
        for (float g : generality) {
            perSentence.add(g);
        }
        return new IndexedChunk(chunk, unpack(doc.getBinaryValue(SENTENCE_VECTORS), sentences.size()), perSentence);
    }

    private static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static String offsets(List<Sentence> sentences) {
        StringBuilder out = new StringBuilder();
        for (Sentence s : sentences) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(s.start()).append('-').append(s.end());
        }
        return out.toString();
    }

    private static List<Sentence> sentences(String text, String offsets) {
        List<Sentence> sentences = new ArrayList<>();
        for (String span : offsets.split(",")) {
            int dash = span.indexOf('-');
            int start = Integer.parseInt(span.substring(0, dash));
            int end = Integer.parseInt(span.substring(dash + 1));
            sentences.add(new Sentence(text.substring(start, end), start, end));
        }
        return sentences;
    }

    private static byte[] pack(List<float[]> vectors) {
        int dimension = vectors.isEmpty() ? 0 : vectors.getFirst().length;
        ByteBuffer buffer =
                ByteBuffer.allocate(vectors.size() * dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] v : vectors) {
            for (float x : v) {
                buffer.putFloat(x);
            }
        }
        return buffer.array();
    }

    private static List<float[]> unpack(BytesRef bytes, int count) {
        ByteBuffer buffer =
                ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        int dimension = count == 0 ? 0 : bytes.length / Float.BYTES / count;
        List<float[]> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = buffer.getFloat();
            }
            vectors.add(v);
        }
        return vectors;
    }
}
