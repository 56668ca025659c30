package com.askkira.index;

import com.askkira.corpus.Library;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds the index in service while it keeps answering: one rebuild at a time (a second is
 * refused, not queued behind the first), and none longer than its time limit.
 */
public final class Reindexer {
    /**
     * Five minutes. The whole library (eight documents, 55 KB) builds in about 15 s on two busy
     * cores, and a document at the size limit ({@link Library#MAX_DOCUMENT_BYTES}) alone in about
     * 70 s; twenty times today's build leaves room for the library to grow, while a library that
     * takes longer than this is a mistake to refuse, not a job to wait for.
     */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(5);

    private final Duration timeLimit;
    private final AtomicBoolean running = new AtomicBoolean();

    public Reindexer(Duration timeLimit) {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive: " + timeLimit);
        }
        this.timeLimit = timeLimit;
    }

    /**
     * Builds the index in {@code indexDir} from {@code library} and swaps it into {@code index}.
     *
     * @throws ReindexException.AlreadyRunning while another re-index runs
     * @throws ReindexException.TimedOut when the build passed the time limit (nothing was written)
     * @throws com.askkira.corpus.InvalidDocumentException when a document cannot be indexed
     */
    public IndexBuilder.BuildReport reindex(IndexBuilder builder, Library library, Path indexDir, KiraIndex index) {
        if (!running.compareAndSet(false, true)) {
            throw new ReindexException.AlreadyRunning();
        }
        try {
            IndexBuilder.BuildReport report = builder.build(library, indexDir, timeLimit);
            index.refresh();
            return report;
        } finally {
            running.set(false);
        }
    }
}
