package com.askkira.http;

/** A reader's rating of one answer: "up" or "down", with an optional comment (null when none). */
record Feedback(String answerId, String rating, String comment) {}
