package com.askkira.http;

import com.askkira.config.InvalidConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;

/**
 * The server's listening socket, bound before anything slow (building the index, loading models)
 * so that a port in use or a host that is not this machine's is reported at once, as a
 * configuration error, and so no other process can take the port while Kira gets ready. Until the
 * server starts, connections wait in the socket's backlog. {@link KiraServer#create(ServerPort,
 * java.util.function.Consumer)} hands the socket to Jetty, which then owns and closes it.
 */
public final class ServerPort implements AutoCloseable {
    /**
     * Connections the kernel holds for the acceptor: the JDK's default of 50 overflowed when a
     * thousand streams opened at once, and the clients past it timed out connecting. The kernel caps
     * it at {@code net.core.somaxconn} (4096 here).
     */
    static final int ACCEPT_QUEUE = 1024;

    private final ServerSocketChannel channel;
    private final String description;

    private ServerPort(ServerSocketChannel channel, String description) {
        this.channel = channel;
        this.description = description;
    }

    /** Binds {@code port} (0: any free one) on {@code host}, or on every interface when there is none. */
    public static ServerPort bind(Optional<String> host, int port) {
        String where = host.map(h -> h + ":" + port).orElse("port " + port + " on every interface");
        InetSocketAddress address =
                host.map(h -> new InetSocketAddress(h, port)).orElseGet(() -> new InetSocketAddress(port));
        if (address.isUnresolved()) {
            throw new InvalidConfigException("KIRA_HOST '" + host.orElseThrow() + "' is not a known host name");
        }
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            // As Jetty binds its own: a restart may take the port over from connections still closing.
            channel.socket().setReuseAddress(true);
            channel.bind(address, ACCEPT_QUEUE);
            return new ServerPort(channel, where);
        } catch (UnresolvedAddressException e) {
            closeQuietly(channel);
            throw new InvalidConfigException("KIRA_HOST '" + host.orElseThrow() + "' is not a known host name");
        } catch (BindException e) {
            closeQuietly(channel);
            String reason = String.valueOf(e.getMessage());
            throw new InvalidConfigException(
                    reason.contains("in use")
                            ? "KIRA_PORT " + port + " is in use by another program (" + where + "); stop it or choose"
                                    + " another KIRA_PORT"
                            : reason.contains("assign")
                                    ? "KIRA_HOST " + host.orElse("") + " is not an address of this machine (" + reason
                                            + ")"
                                    : "Kira cannot listen on " + where + " (" + reason
                                            + "); check KIRA_HOST and KIRA_PORT");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Kira cannot listen on " + where, e);
        }
    }

    /**
     * Whether only this machine can connect: KIRA_HOST named a loopback address (127.0.0.1, ::1, or
     * a name for one), as it does behind a reverse proxy on the same machine.
     */
    public boolean loopbackOnly() {
        return channel.socket().getInetAddress().isLoopbackAddress();
    }

    /** The port bound, which is the one asked for unless that was 0. */
    public int port() {
        return channel.socket().getLocalPort();
    }

    ServerSocketChannel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return description;
    }

    /** Closes the socket; harmless once Jetty, which closes it when the server stops, has done so. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Binding failed; there is nothing left to release.
            }
        }
    }
}
