/**
 * What Kira learns from labelled data: a logistic model over standardised features with one
 * calibrated threshold, read from a resource that records what it was fitted on. The answer
 * decision and the passage ranker are two such models.
 */
package com.askkira.learn;
