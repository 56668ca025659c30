package com.askkira.answer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks at start-up that the configured model server can be reached at all, so an operator who
 * mistyped a port or forgot to start Ollama reads one clear line instead of discovering it from
 * degraded answers. Only a TCP connection is tried: no request, no key, nothing of a reader's.
 */
public final class ModelServerProbe {
    private final Duration timeout;

    public ModelServerProbe(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Why the server at {@code baseUrl} cannot be reached, or empty when it accepts a connection. */
    public Optional<String> problem(String baseUrl) {
        URI uri = URI.create(baseUrl);
        String host = uri.getHost();
        int port = uri.getPort() != -1
                ? uri.getPort()
                : uri.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + host);
        } catch (SocketTimeoutException e) {
            return Optional.of("no answer from " + host + ":" + port + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            String reason = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().toLowerCase(Locale.ROOT);
            return Optional.of(reason + " at " + host + ":" + port);
        }
    }
}
