/**
 * What the content team learns from readers, for {@code GET /v1/admin/insights} and the workbench:
 * the questions the library does not answer (grouped by meaning), declines by reason, down-voted
 * answers with their comments, the sections cited most, and daily counts, over a range of days.
 * Kept in the {@link com.askkira.store.Store}: questions and comments redacted, crisis messages
 * counted and never kept, rows deleted after the retention period (KIRA_RETENTION_DAYS).
 */
package com.askkira.insights;
