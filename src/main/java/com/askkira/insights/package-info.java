/**
 * What the content team learns from readers, for {@code GET /v1/admin/insights}: the questions the
 * library does not answer (grouped), abstentions by reason, down-voted answers with their
 * comments, the sections cited most, and daily counts. Questions and comments are kept redacted,
 * and only these: a not-covered question, or the question of an answer a reader voted down.
 * Crisis messages are counted, never kept. Nothing is written to disk unless KIRA_INSIGHTS_FILE
 * names a file.
 */
package com.askkira.insights;
