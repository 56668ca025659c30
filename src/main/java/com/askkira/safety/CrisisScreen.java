package com.askkira.safety;

import com.askkira.retrieval.Turn;
import java.util.List;

/** Listens for risk of harm now in a reader's message, read with the conversation before it. */
public interface CrisisScreen {
    CrisisAssessment assess(String message, List<Turn> history);

    /** The {@code safety} block of the response for this assessment. */
    static Safety safety(CrisisAssessment assessment) {
        return safety(assessment, false);
    }

    /** As {@link #safety(CrisisAssessment)}, with the Lifeline's Spanish line for a reader writing in Spanish. */
    static Safety safety(CrisisAssessment assessment, boolean spanish) {
        return assessment.crisis()
                ? new Safety(true, CrisisResources.forKinds(assessment.kinds(), spanish))
                : Safety.none();
    }
}
