package com.askkira.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The key check in front of the MCP servlet, which Javalin's before-handlers do not reach: with
 * KIRA_API_KEYS set, {@code /mcp} needs one ({@code Authorization: Bearer}), and a request without
 * it gets the contract's 401 body; with none set, /mcp is open like the answers it serves.
 */
final class McpKeyFilter extends HttpFilter {
    private final transient ApiKeys keys;
    private final boolean required;
    private final transient ObjectMapper json;

    McpKeyFilter(ApiKeys keys, boolean required, ObjectMapper json) {
        this.keys = keys;
        this.required = required;
        this.json = json;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (required
                && keys.identify(request.getHeader("Authorization"), request.getHeader("X-Api-Key"))
                        .isEmpty()) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/json");
            json.writeValue(
                    response.getOutputStream(), ErrorBody.of("unauthorized", "/mcp needs a valid API key (Bearer)."));
            return;
        }
        chain.doFilter(request, response);
    }
}
