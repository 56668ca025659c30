package com.askkira.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Whom a request counts against for the rate limits: a configured API key, else the client's
 * address. Both are things a client cannot make up: a key that is not configured counts as no key
 * (anyone can invent a new one per request), and a forwarded-for header counts only when every
 * request comes through a proxy on this machine (anyone can send one).
 */
final class Clients {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final ApiKeys keys;
    private final boolean behindLocalProxy;

    /**
     * {@code behindLocalProxy}: Kira listens on loopback only, so every request comes through a
     * proxy on this machine. Otherwise a local peer is no sign of a proxy: listening on every
     * interface, Kira hears local programs too, and one that sent a new X-Forwarded-For with each
     * request was a new client each time, free of the rate limit.
     */
    Clients(ApiKeys keys, boolean behindLocalProxy) {
        this.keys = keys;
        this.behindLocalProxy = behindLocalProxy;
    }

    String of(Context ctx) {
        return of(ctx.req());
    }

    /** The same for a request Javalin does not handle (the MCP servlet's). */
    String of(HttpServletRequest request) {
        var key = keys.identify(request.getHeader("Authorization"), request.getHeader("X-Api-Key"));
        return key.isPresent() ? "key#" + key.getAsInt() : "ip " + address(request);
    }

    /**
     * The peer's address; or, behind a proxy on this machine (a server bound to loopback with
     * KIRA_HOST), the last address in X-Forwarded-For, the one that proxy added. Addresses earlier
     * in the header came from the client and are ignored.
     */
    private String address(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (behindLocalProxy && forwarded != null && isLoopback(peer)) {
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return peer;
    }

    private static boolean isLoopback(String address) {
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        // Jetty reports the peer's address, never a name; checked anyway, so that no name is ever looked up.
        if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
