/**
 * The Lucene index on disk: how chunks become documents (fields, analysis, vectors), how the index
 * is built from the library, and how the server holds it open read-only and swaps in a rebuild.
 */
package com.askkira.index;
