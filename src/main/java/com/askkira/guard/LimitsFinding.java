package com.askkira.guard;

import java.util.Objects;

/**
 * One rule an answer breaks, in one of its sentences.
 *
 * @param sentence the sentence as the answer wrote it, citation markers included
 * @param detail what in the sentence broke the rule, for logs and the guard check's detail
 */
public record LimitsFinding(LimitsRule rule, String sentence, String detail) {
    public LimitsFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(detail, "detail");
    }
}
