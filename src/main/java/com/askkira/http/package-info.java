/**
 * The JSON API of api-v1.md over Javalin: routes, request parsing, the one place where errors
 * become status codes and JSON bodies, rate limiting, and privacy-safe request logs; the OpenAI
 * face's routes ({@link com.askkira.http.OpenAiRoutes}, over {@code com.askkira.openai}) and the
 * API's own description ({@link com.askkira.http.ApiDocs}: {@code /openapi.json}, {@code /docs}).
 */
package com.askkira.http;
