package com.askkira.pipeline;

import com.askkira.answer.Drafter;
import com.askkira.answer.ModelReply;
import com.askkira.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.List;

/** A model that gives the scripted replies in turn (the last one again when they run out), or fails; it remembers what it was told. */
final class ScriptedDrafter implements Drafter {
    final List<String> reasons = new ArrayList<>();
    private final List<String> replies;
    private final RuntimeException failure;

    private ScriptedDrafter(List<String> replies, RuntimeException failure) {
        this.replies = replies;
        this.failure = failure;
    }

    static ScriptedDrafter replying(String... replies) {
        return new ScriptedDrafter(List.of(replies), null);
    }

    static ScriptedDrafter failing(RuntimeException failure) {
        return new ScriptedDrafter(List.of(), failure);
    }

    int calls() {
        return reasons.size();
    }

    @Override
    public String modelName() {
        return "test-model";
    }

    @Override
    public boolean usesAModel() {
        return true;
    }

    @Override
    public ModelReply draft(String question, Retrieval retrieval, String rejectedBecause) {
        reasons.add(rejectedBecause);
        if (failure != null) {
            return ModelReply.failed(failure);
        }
        return ModelReply.whole(replies.get(Math.min(reasons.size() - 1, replies.size() - 1)), "b0undary7f3c");
    }
}
