package com.askkira.safety;

import com.askkira.config.Tuning;
import com.askkira.embedding.Embedder;
import java.util.ArrayList;
import java.util.List;

/**
 * For the hand-run {@code eval.TuningSweep}: the crisis screen as the pipeline runs it, with the
 * semantic screen's margin and floor taken from a {@link Tuning.Crisis} instead of the defaults.
 * The exemplars are embedded once, as {@link SemanticCrisisScreen#fromResources} embeds them.
 */
public final class TunedCrisisScreens {
    private final Embedder embedder;
    private final List<SemanticCrisisScreen.LabelledText> texts;
    private final List<SemanticCrisisScreen.Exemplar> exemplars = new ArrayList<>();

    public TunedCrisisScreens(Embedder embedder) {
        this.embedder = embedder;
        this.texts = SemanticCrisisScreen.labelledTexts();
        List<float[]> vectors = embedder.embedPassages(
                texts.stream().map(SemanticCrisisScreen.LabelledText::text).toList());
        for (int i = 0; i < texts.size(); i++) {
            exemplars.add(new SemanticCrisisScreen.Exemplar(
                    texts.get(i).crisis(), texts.get(i).kinds(), vectors.get(i)));
        }
    }

    /** Patterns, the semantic screen and the learned reader, layered as in {@code Kira.start}. */
    public CrisisScreen layered(Tuning.Crisis crisis) {
        return new LayeredCrisisScreen(
                new CrisisDetector(CrisisPatterns.fromResources()),
                semantic(exemplars, crisis),
                LearnedCrisisReader.fromResources());
    }

    /** Caught and look-alikes flagged when each exemplar is judged against all the others (as CrisisScreenTest does). */
    public Tally leaveOneOut(Tuning.Crisis crisis) {
        Tally tally = new Tally();
        for (int i = 0; i < texts.size(); i++) {
            List<SemanticCrisisScreen.Exemplar> others = new ArrayList<>(exemplars);
            others.remove(i);
            boolean flagged = !semantic(others, crisis)
                    .screen(texts.get(i).text(), List.of())
                    .isEmpty();
            tally.add(texts.get(i).crisis(), flagged);
        }
        return tally;
    }

    private SemanticCrisisScreen semantic(List<SemanticCrisisScreen.Exemplar> known, Tuning.Crisis crisis) {
        return new SemanticCrisisScreen(embedder, known, crisis.margin(), crisis.floor());
    }

    /** Crises caught and look-alikes flagged. */
    public static final class Tally {
        private int caught, crises, falseAlarms, lookAlikes;

        public void add(boolean crisis, boolean flagged) {
            if (crisis) {
                crises++;
                caught += flagged ? 1 : 0;
            } else {
                lookAlikes++;
                falseAlarms += flagged ? 1 : 0;
            }
        }

        /** "recall 18/20, false alarms 2/20". */
        @Override
        public String toString() {
            return "recall " + caught + "/" + crises + ", false alarms " + falseAlarms + "/" + lookAlikes;
        }
    }
}
