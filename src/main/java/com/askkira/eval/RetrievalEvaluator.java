package com.askkira.eval;

import com.askkira.retrieval.HybridRetriever;
import com.askkira.retrieval.Passage;
import com.askkira.retrieval.RetrievalMode;
import com.askkira.retrieval.RetrievalQuery;
import java.util.ArrayList;
import java.util.List;

/** Runs a golden set through the retriever and scores where the first right section lands. */
public final class RetrievalEvaluator {
    private static final int DEPTH = 10;

    private final HybridRetriever retriever;

    public RetrievalEvaluator(HybridRetriever retriever) {
        this.retriever = retriever;
    }

    public RetrievalScore score(GoldenSet set, RetrievalMode mode) {
        int hit1 = 0;
        int hit3 = 0;
        double reciprocal = 0;
        List<RetrievalScore.Miss> misses = new ArrayList<>();
        for (GoldenQuestion q : set.questions()) {
            List<String> sections =
                    retriever.retrieve(new RetrievalQuery(q.question(), q.turns()), DEPTH, mode).passages().stream()
                            .map(Passage::chunk)
                            .map(c -> c.sectionKey())
                            .toList();
            int rank = firstRight(sections, q.expected());
            hit1 += rank == 1 ? 1 : 0;
            hit3 += rank >= 1 && rank <= 3 ? 1 : 0;
            reciprocal += rank > 0 ? 1.0 / rank : 0;
            if (rank < 1 || rank > 3) {
                misses.add(new RetrievalScore.Miss(
                        q.id(),
                        q.kind(),
                        q.question(),
                        q.expected(),
                        sections.subList(0, Math.min(3, sections.size())),
                        rank));
            }
        }
        int n = Math.max(1, set.questions().size());
        return new RetrievalScore(
                mode.name(), set.questions().size(), (double) hit1 / n, (double) hit3 / n, reciprocal / n, misses);
    }

    private static int firstRight(List<String> sections, List<String> expected) {
        for (int i = 0; i < sections.size(); i++) {
            if (expected.contains(sections.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }
}
