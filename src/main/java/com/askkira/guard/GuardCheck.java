package com.askkira.guard;

/** One check's finding, as the response reports it. */
public record GuardCheck(String name, boolean passed, String detail) {}
