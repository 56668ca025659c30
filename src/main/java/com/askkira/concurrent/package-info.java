/**
 * Waiting for work started on another thread (the start-up's tasks, the embedding model loading,
 * the CPU lane's work) so that it fails where it is awaited with its own exception, as if it had run
 * there.
 */
package com.askkira.concurrent;
