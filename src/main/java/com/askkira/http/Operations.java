package com.askkira.http;

import com.askkira.ops.KiraMetrics;
import com.askkira.ops.Readiness;
import jakarta.servlet.http.HttpServlet;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the server offers beside the API, for operators and agents: {@code GET /ready} (from {@code
 * readiness}), {@code GET /metrics} (this replica's {@code metrics}, which also count every request)
 * and, when given, the MCP server's Streamable HTTP servlet at {@code /mcp}, made with the server's
 * {@link McpGate} (its clients and rate limits).
 */
public record Operations(
        Supplier<Readiness> readiness, KiraMetrics metrics, Optional<Function<McpGate, HttpServlet>> mcp) {
    public Operations {
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(mcp, "mcp");
    }

    /**
     * For a server built without Kira's operator side (tests of the API alone): ready whenever the
     * admin's health answers, its own request metrics, no MCP endpoint.
     */
    static Operations basic(KiraServer.Admin admin) {
        return new Operations(
                () -> {
                    Object model = admin.health().getOrDefault("model", "unknown");
                    return Readiness.of(
                            new Readiness.Index(true, -1, 0, 0),
                            new Readiness.Model(String.valueOf(model), false, "closed", String.valueOf(model)));
                },
                new KiraMetrics(),
                Optional.empty());
    }
}
