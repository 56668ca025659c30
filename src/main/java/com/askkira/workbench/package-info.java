/**
 * The content team's workbench behind {@code /admin}: check an answer or any text sentence by
 * sentence, the library with its dates and citations, re-indexing gated by the golden set, and
 * evaluation runs of the golden set on the live server as background jobs, kept in the {@link
 * com.askkira.store.Store} with the questions writers add to it. Knows nothing of HTTP.
 */
package com.askkira.workbench;
