package com.askkira.corpus;

/** One entry of an article's reference list, pointing at a source document by slug. */
public record Reference(String slug, String citation, String kind) {}
