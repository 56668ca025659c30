/**
 * Kira's configuration: what it reads from environment variables ({@link KiraConfig}) and every
 * threshold and weight of the answer path ({@link Tuning}); depends on nothing else in Kira.
 */
package com.askkira.config;
