package com.askkira.insights;

/** What became of a reader's vote on an answer. */
public enum RatingOutcome {
    /** Counted: the first vote on an answer this server gave recently. */
    RECORDED,
    /** No answer with that id was given recently (or ever): the vote is not counted. */
    UNKNOWN_ANSWER,
    /** The answer has had its one vote already: this one is not counted. */
    ALREADY_RATED
}
