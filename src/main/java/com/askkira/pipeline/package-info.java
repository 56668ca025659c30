/**
 * One question's way through Kira, and the request and response shapes of the public API: retrieve,
 * answer, guard, and time each step. Knows nothing of HTTP.
 */
package com.askkira.pipeline;
