package com.askkira.retrieval;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a question leans on the conversation before it ("Does that include emails?")
 * and, if so, which earlier question gives it its subject.
 */
final class FollowUpResolver {
    private static final Pattern CUE =
            Pattern.compile("^(and|but|also|so|or|ok|okay|what about|how about|what if|same for|even|does that|does it|"
                    + "do they|did they|is that|is it|are they|can they|could they|would that|would it|"
                    + "will they|will it|what happens if|then)\\b.*");
    private static final Pattern ANAPHOR = Pattern.compile("\\b(that|this|it|they|them|those|these|there)\\b");
    private static final int SHORT_QUESTION_WORDS = 6;

    /** The earlier user question this one follows up, if it is a follow-up at all. */
    Optional<String> subject(String question, List<Turn> history) {
        Optional<String> previous = history.reversed().stream()
                .filter(t -> t.role() == Turn.Role.USER)
                .map(Turn::content)
                .filter(c -> !c.isBlank())
                .findFirst();
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        String q = question.toLowerCase(Locale.ROOT).strip();
        int words = q.split("\\s+").length;
        boolean leans = CUE.matcher(q).matches()
                || words <= SHORT_QUESTION_WORDS
                || (ANAPHOR.matcher(q).find() && words <= 16);
        return leans ? previous : Optional.empty();
    }
}
