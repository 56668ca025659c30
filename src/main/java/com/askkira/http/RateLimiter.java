package com.askkira.http;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * At most {@code perMinute} answers per client in any sliding minute; 0 turns it off. Clients are
 * kept in memory only, and a client's record empties as its minute passes.
 */
final class RateLimiter {
    private static final long WINDOW_MS = 60_000;
    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentMap<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Seconds until {@code client} may ask again; 0 when it may ask now (and the ask is counted). */
    long acquire(String client) {
        if (perMinute == 0) {
            return 0;
        }
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return Math.max(1, (times.peekFirst() + WINDOW_MS - now + 999) / 1000);
            }
            times.addLast(now);
        }
        if (recent.size() > MAX_TRACKED_CLIENTS) {
            recent.values().removeIf(t -> t.isEmpty() || t.peekLast() <= now - WINDOW_MS);
        }
        return 0;
    }
}
