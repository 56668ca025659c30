/**
 * Remembering the latest results of work that is asked for again soon after: one bounded,
 * least-recently-used map for every such place, so each does not keep its own.
 */
package com.askkira.cache;
