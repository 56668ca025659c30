package com.askkira.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the HTTP server lends the MCP servlet it hosts, so that a tool call counts against the same
 * client and the same limit as the HTTP request it stands for: {@code ask_kira} against answers,
 * {@code search_library} against search.
 */
public interface McpGate {
    /** Whom the request counts against: its configured key, else its address (as for the HTTP API). */
    String client(HttpServletRequest request);

    /**
     * Counts one request to {@code what} ({@code answers}, {@code search}) against {@code client}'s
     * limit: 0 when it may go ahead, else the seconds to wait.
     */
    long acquire(String what, String client);
}
