/** Sentence embeddings from a model that ships inside a Maven artifact: no download at run time. */
package com.askkira.embedding;
