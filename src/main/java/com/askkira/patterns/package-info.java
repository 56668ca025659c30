/**
 * Cheap tests that let a regular expression be skipped where it cannot match: the literal text
 * every one of its matches must contain, read from the expression itself. The guard's and the
 * screens' pattern tables run on every sentence of every answer; most of their patterns cannot
 * match most sentences, and a substring search says so far sooner than the pattern does.
 */
package com.askkira.patterns;
