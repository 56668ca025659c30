package com.askkira.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.OptionalInt;

/**
 * The keys that open /v1/admin/*, sent as {@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>}. With no keys configured, every admin request is refused; the machine
 * faces ({@link #requireWhenSet}) are open.
 */
final class ApiKeys {
    private final List<byte[]> keys;

    ApiKeys(List<String> keys) {
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** For the machine faces (the OpenAI face, /mcp): a key is needed only once keys are configured. */
    void requireWhenSet(String authorization, String apiKeyHeader) {
        if (!keys.isEmpty()) {
            require(authorization, apiKeyHeader);
        }
    }

    void require(String authorization, String apiKeyHeader) {
        if (identify(authorization, apiKeyHeader).isEmpty()) {
            throw new HttpError(401, "unauthorized", "This path needs a valid API key.");
        }
    }

    /**
     * Which configured key the request carries, as its position in the configuration; empty when it
     * carries none or one that is not configured. Only a configured key may stand for a client (its
     * own rate-limit bucket, say): anyone can invent a new one for every request.
     */
    OptionalInt identify(String authorization, String apiKeyHeader) {
        String presented = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip()
                : apiKeyHeader;
        if (presented == null || presented.isBlank()) {
            return OptionalInt.empty();
        }
        return known(presented);
    }

    /** Compares in constant time, so response times do not leak how much of a key was right. */
    private OptionalInt known(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        int match = -1;
        for (int i = 0; i < keys.size(); i++) {
            if (MessageDigest.isEqual(keys.get(i), candidate) && match < 0) {
                match = i;
            }
        }
        return match < 0 ? OptionalInt.empty() : OptionalInt.of(match);
    }
}
