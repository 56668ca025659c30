/**
 * The library as written by the content team: Markdown documents with front matter, parsed into
 * blocks under their headings and cut into citable chunks of whole sentences. Knows nothing of
 * Lucene, models or HTTP.
 */
package com.askkira.corpus;
