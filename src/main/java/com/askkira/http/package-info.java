/**
 * The JSON API of api-v1.md over Javalin: routes, request parsing, the one place where errors
 * become status codes and JSON bodies, rate limiting, and privacy-safe request logs.
 */
package com.askkira.http;
