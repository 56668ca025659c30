/**
 * Sentence embeddings from a model that ships inside a Maven artifact: no download at run time.
 * The dot product is plain Java summed in a fixed order, so that a score is the same on every machine.
 */
package com.askkira.embedding;
