package com.askkira.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request headers take longer than the timeout to arrive, counted from
 * the request's first byte (or, before any request, from the connection's opening). Jetty's idle
 * timeout only closes a connection that sends nothing at all; a client that sends one header byte
 * every few seconds (Slowloris) never goes idle and could hold a connection for as long as it likes.
 *
 * <p>Jetty 12 has no such timeout of its own, so this sweeps the connector's connections a few
 * times per timeout and reads each HTTP/1.1 parser's state: a connection is closed between 1 and
 * 1.25 timeouts after its headers began. A connection waiting between requests (keep-alive) and one
 * whose request is being answered are left alone. The parser's state is read without its lock, so a
 * connection may be judged on a state a moment old; the next sweep corrects that.
 */
final class HeaderTimeout extends AbstractLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderTimeout.class);

    private final AbstractConnector connector;
    private final Duration timeout;
    private final long sweepMillis;
    private volatile Scheduler.Task next;

    HeaderTimeout(AbstractConnector connector, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the header timeout must be positive, was " + timeout);
        }
        this.connector = connector;
        this.timeout = timeout;
        this.sweepMillis = Math.max(10, timeout.toMillis() / 4);
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void schedule() {
        if (isRunning()) {
            next = connector.getScheduler().schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        int closed = 0;
        try {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (endPoint.getConnection() instanceof HttpConnection http && overdue(http, endPoint)) {
                    endPoint.close(
                            new TimeoutException("request headers not complete after " + timeout.toMillis() + " ms"));
                    closed++;
                }
            }
        } finally {
            schedule();
        }
        if (closed > 0) {
            LOG.info("closed {} connection(s) whose request headers took over {} ms", closed, timeout.toMillis());
        }
    }

    /** Part way through a request's headers for longer than the timeout, or open that long without starting one. */
    private boolean overdue(HttpConnection http, EndPoint endPoint) {
        HttpParser parser = http.getParser();
        if (parser.inHeaderState() && !parser.isStart()) {
            return NanoTime.millisSince(parser.getBeginNanoTime()) > timeout.toMillis();
        }
        return parser.isStart()
                && http.getMessagesIn() == 0
                && System.currentTimeMillis() - endPoint.getCreatedTimeStamp() > timeout.toMillis();
    }
}
