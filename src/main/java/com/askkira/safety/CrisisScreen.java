package com.askkira.safety;

import com.askkira.retrieval.Turn;
import java.util.List;

/** Listens for risk of harm now in a reader's message, read with the conversation before it. */
public interface CrisisScreen {
    CrisisAssessment assess(String message, List<Turn> history);

    /** The {@code safety} block of the response for this assessment. */
    static Safety safety(CrisisAssessment assessment) {
        return assessment.crisis() ? new Safety(true, CrisisResources.forKinds(assessment.kinds())) : Safety.none();
    }
}
