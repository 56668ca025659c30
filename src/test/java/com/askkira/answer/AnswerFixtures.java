package com.askkira.answer;

import com.askkira.corpus.Chunk;
import com.askkira.corpus.DocumentType;
import com.askkira.corpus.SentenceSplitter;
import com.askkira.index.IndexedChunk;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.QueryTerms;
import com.askkira.retrieval.Retrieval;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Passages and retrievals built by hand: no corpus, no index, no embedding model. */
public final class AnswerFixtures {
    public static final String TITLE = "Confidentiality in Therapy: What Is Protected, Legal Limits, and Exceptions";

    public static final String EMPLOYER =
            "In most circumstances, no. Your employer cannot access your therapy records without your"
                    + " written consent. HIPAA and state confidentiality laws protect mental health records from employer access.";
    public static final String DUTY_TO_WARN =
            "Therapists must break confidentiality when a client poses a serious threat of"
                    + " violence to an identifiable person. This duty comes from Tarasoff v. Regents of the University of"
                    + " California, 17 Cal. 3d 425 (1976). The exact rules vary by state.";
    public static final String SUBPOENA = "A subpoena alone does not always force a therapist to hand over records. The"
            + " psychotherapist-patient privilege can protect therapy notes in court. A judge may still order"
            + " disclosure in some cases.";

    private AnswerFixtures() {}

    public static Passage passage(String anchor, String section, String text) {
        var sentences = new SentenceSplitter().split(text);
        Chunk chunk = new Chunk(
                "confidentiality-in-therapy#" + anchor + "-0",
                "confidentiality-in-therapy",
                TITLE,
                DocumentType.ARTICLE,
                section,
                List.of(TITLE, section),
                "/articles/confidentiality-in-therapy#" + anchor,
                text,
                sentences,
                LocalDate.of(2026, 4, 9),
                "MoodSpan Clinical Team",
                0);
        List<float[]> vectors = new ArrayList<>();
        List<Float> generality = new ArrayList<>();
        sentences.forEach(s -> {
            vectors.add(new float[] {1f});
            generality.add(0f);
        });
        return new Passage(new IndexedChunk(chunk, vectors, generality), 1.0, 1, 1);
    }

    public static Passage employer() {
        return passage(
                "can-my-employer-access-my-therapy-records", "Can my employer access my therapy records?", EMPLOYER);
    }

    public static Passage dutyToWarn() {
        return passage("duty-to-warn", "Duty to warn", DUTY_TO_WARN);
    }

    public static Passage subpoena() {
        return passage("subpoenas-and-court-orders", "Subpoenas and court orders", SUBPOENA);
    }

    public static Retrieval retrieval(Passage... passages) {
        return new Retrieval(
                "can my employer see my therapy records", false, new float[] {1f}, QueryTerms.NONE, List.of(passages));
    }

    public static Retrieval threePassages() {
        return retrieval(employer(), dutyToWarn(), subpoena());
    }

    public static AbstentionWriter abstentions() {
        return new AbstentionWriter(List.of(TITLE), List.of());
    }

    /** Stands in for the offline answerer: always the same extractive answer from passage 1. */
    public static final class FakeOffline implements Answerer {
        public static final String TEXT =
                "Your employer cannot access your therapy records without your written consent [1].";

        @Override
        public String modelName() {
            return "offline-extractive";
        }

        @Override
        public ComposedAnswer answer(String question, Retrieval retrieval) {
            if (retrieval.passages().isEmpty()) {
                return abstentions().write(AbstainReason.NOT_COVERED, List.of());
            }
            Passage first = retrieval.passages().getFirst();
            String sentence = "Your employer cannot access your therapy records without your written consent.";
            return ComposedAnswer.answered(TEXT, List.of(Citation.of(1, first.chunk(), sentence, List.of(sentence))));
        }
    }
}
