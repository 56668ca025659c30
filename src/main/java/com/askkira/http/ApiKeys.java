package com.askkira.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The keys that open /v1/admin/*, sent as {@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>}. With no keys configured, every admin request is refused.
 */
final class ApiKeys {
    private final List<byte[]> keys;

    ApiKeys(List<String> keys) {
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    void require(String authorization, String apiKeyHeader) {
        String presented = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip()
                : apiKeyHeader;
        if (presented == null || presented.isBlank() || !known(presented)) {
            throw new HttpError(401, "unauthorized", "This path needs a valid API key.");
        }
    }

    /** Compares in constant time, so response times do not leak how much of a key was right. */
    private boolean known(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, candidate);
        }
        return match;
    }
}
