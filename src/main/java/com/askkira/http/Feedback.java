package com.askkira.http;

/** A reader's rating of one answer: "up" or "down". */
record Feedback(String answerId, String rating) {}
