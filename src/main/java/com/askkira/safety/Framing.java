package com.askkira.safety;

/** How a message frames what it says; where each one is looked for is in {@code framing.txt}. */
enum Framing {
    NEGATION("negated"),
    CONDITIONAL("hypothetical"),
    DISCLOSURE("a hypothetical disclosure"),
    GENERAL_PERSON("about people in general"),
    DISTANT_PAST("in the past"),
    RECENT("recent"),
    ONGOING("ongoing"),
    HYPERBOLE("a figure of speech"),
    RULE_QUESTION("a question about the rules"),
    IMMEDIACY("a time close at hand"),
    TOPIC("the subject raised"),
    JOKE("a joke");

    private final String description;

    Framing(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
