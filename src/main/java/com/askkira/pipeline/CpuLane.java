package com.askkira.pipeline;

import com.askkira.concurrent.Futures;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where CPU-bound work (embedding, searching, composing, judging) runs: a pool of platform threads
 * sized to the cores, in front of a queue that new requests may join only while it is short.
 * Requests are served on virtual threads, which the JVM does not time-slice: CPU work run on them
 * kept the few carrier threads busy, so under load requests were not even read and {@code /health}
 * waited seconds. Here the operating system shares the cores between this pool and the carriers,
 * which only parse, wait and write. A caller blocks (cheaply, on its virtual thread) until its work
 * is done; a new request that finds the queue full is refused with {@link KiraException.Overloaded}
 * at once instead of queueing without bound.
 */
public final class CpuLane {
    private static final Duration IDLE = Duration.ofSeconds(30);

    private final ThreadPoolExecutor pool;
    private final int threads;
    private final int queueLimit;
    private final int retryAfterSeconds;

    /**
     * @param threads how many pieces of work run at once (the cores: more only adds switching)
     * @param queueLimit how many may wait; beyond it, work is refused
     * @param retryAfterSeconds what a refused caller is told to wait
     */
    public CpuLane(int threads, int queueLimit, int retryAfterSeconds) {
        if (threads < 1 || queueLimit < 0 || retryAfterSeconds < 1) {
            throw new IllegalArgumentException("threads >= 1, queueLimit >= 0, retryAfterSeconds >= 1; were " + threads
                    + ", " + queueLimit + ", " + retryAfterSeconds);
        }
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                IDLE.toMillis(),
                TimeUnit.MILLISECONDS,
                // Unbounded: the limit applies to new requests only (call), never to the rest of one
                // already let in (resume), whose work so far would otherwise be wasted.
                new LinkedBlockingQueue<>(),
                work -> new LaneThread(this, work, "kira-cpu-" + count.incrementAndGet()),
                new ThreadPoolExecutor.AbortPolicy());
        // An idle lane (a test's, a server at night) keeps no threads.
        this.pool.allowCoreThreadTimeOut(true);
        this.threads = threads;
        this.queueLimit = queueLimit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The lane for this machine: a thread a core, and {@code queueLimit} waiting. */
    public static CpuLane forCores(int queueLimit) {
        return new CpuLane(Runtime.getRuntime().availableProcessors(), queueLimit, 1);
    }

    /**
     * Runs the first work of a request on the lane and returns its result, or refuses it with {@link
     * KiraException.Overloaded} when every thread is busy and the queue is full; its exceptions
     * reach the caller as they were thrown. Work already on a lane thread runs in place, so nested
     * calls cannot deadlock.
     */
    public <T> T call(Supplier<T> work) {
        boolean onLane = Thread.currentThread() instanceof LaneThread thread && thread.lane == this;
        if (!onLane && pool.getActiveCount() >= threads && pool.getQueue().size() >= queueLimit) {
            throw new KiraException.Overloaded(
                    "Kira is answering as many questions as it can; please try again in a moment.", retryAfterSeconds);
        }
        return resume(work);
    }

    /** Runs more work of a request that {@link #call} let in: never refused, so no finished step is wasted. */
    public <T> T resume(Supplier<T> work) {
        if (Thread.currentThread() instanceof LaneThread thread && thread.lane == this) {
            return work.get();
        }
        Future<T> future = pool.submit(work::get);
        try {
            return future.get();
        } catch (ExecutionException e) {
            Futures.throwIfUnchecked(e.getCause());
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the CPU lane");
        }
    }

    /** Work waiting for a thread now (for readiness and metrics). */
    public int queued() {
        return pool.getQueue().size();
    }

    /** A thread of one lane, so that work it starts knows it is already on the lane. */
    private static final class LaneThread extends Thread {
        private final CpuLane lane;

        LaneThread(CpuLane lane, Runnable work, String name) {
            super(work, name);
            this.lane = lane;
            setDaemon(true);
        }
    }
}
