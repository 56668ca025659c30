/** Golden sets run through the real retrieval and answer pipeline, and the numbers they give. */
package com.askkira.eval;
