/**
 * Where Kira keeps what outlives a process: readers' questions (redacted), declines, citations,
 * feedback, evaluation runs and golden-set additions. An embedded SQLite file by default, or
 * PostgreSQL when KIRA_DB_URL names one, so that several replicas share one set of insights; both
 * get the same schema from the Flyway migrations in {@code db/migration}. Knows nothing of what the
 * rows mean: {@link com.askkira.insights} decides what is kept, redacted, and for how long.
 */
package com.askkira.store;
