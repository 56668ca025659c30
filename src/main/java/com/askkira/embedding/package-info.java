/**
 * Sentence embeddings from a model that ships inside a Maven artifact: no download at run time.
 * The one Lucene class used here is {@code VectorUtil}, its vectorised dot product.
 */
package com.askkira.embedding;
