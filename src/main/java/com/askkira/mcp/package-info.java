/**
 * Kira as an MCP (Model Context Protocol) server, with the official MCP Java SDK: the tools
 * {@code ask_kira} and {@code search_library} and each library document as a resource, served over
 * Streamable HTTP at {@code /mcp} (a servlet in the HTTP server) or over stdio ({@code mcp}
 * command). Answers go through the same {@link com.askkira.pipeline.AnswerService} as the HTTP API.
 */
package com.askkira.mcp;
