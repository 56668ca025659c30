package com.askkira.store;

/** One day's answers, how many of them declined, and how many went to a reader in crisis. */
public record DayCount(String date, long answers, long abstained, long crisis) {}
