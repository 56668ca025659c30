package com.askkira.answer;

import com.askkira.retrieval.Retrieval;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The offline extractive answerer as a {@link Drafter}: its answer from exactly the retrieved
 * passages, cited by their number in the retrieval as a model's would be, or
 * {@link AnswerPrompt#NOT_IN_LIBRARY}. It needs no network, and a redraft would only say the same.
 */
public final class OfflineDrafter implements Drafter {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");

    private final Answerer answerer;

    public OfflineDrafter(Answerer answerer) {
        this.answerer = Objects.requireNonNull(answerer, "answerer");
    }

    @Override
    public String modelName() {
        return answerer.modelName();
    }

    @Override
    public boolean usesAModel() {
        return false;
    }

    @Override
    public ModelReply draft(String question, Retrieval retrieval, String rejectedBecause) {
        try {
            return ModelReply.whole(text(question, retrieval), "");
        } catch (RuntimeException e) {
            return ModelReply.failed(e);
        }
    }

    /** The answer's text with each marker renumbered to its passage's place in {@code retrieval}. */
    String text(String question, Retrieval retrieval) {
        ComposedAnswer answer = answerer.answer(question, retrieval);
        if (answer.abstained()) {
            return AnswerPrompt.NOT_IN_LIBRARY;
        }
        // The answerer numbers its citations in the order it uses them; a reply numbers the passages.
        Map<Integer, Integer> toPassage = answer.citations().stream()
                .collect(Collectors.toMap(Citation::n, c -> place(retrieval, c.chunkId()), (a, b) -> a));
        return MARKER.matcher(answer.text())
                .replaceAll(m -> "[" + toPassage.getOrDefault(Integer.parseInt(m.group(1)), 0) + "]");
    }

    private static int place(Retrieval retrieval, String chunkId) {
        for (int i = 0; i < retrieval.passages().size(); i++) {
            if (retrieval.passages().get(i).chunk().id().equals(chunkId)) {
                return i + 1;
            }
        }
        return 0;
    }
}
