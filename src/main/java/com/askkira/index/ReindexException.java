package com.askkira.index;

import java.time.Duration;

/** Why a re-index was not done; in every case the index in service stays as it was. */
public sealed class ReindexException extends RuntimeException
        permits ReindexException.AlreadyRunning, ReindexException.TimedOut {

    private ReindexException(String message) {
        super(message);
    }

    /** Another re-index is under way: two at once would only race to write the same folder. */
    public static final class AlreadyRunning extends ReindexException {
        public AlreadyRunning() {
            super("A re-index is already running; try again once it has finished.");
        }
    }

    /** The build went over its time limit and stopped before writing anything. */
    public static final class TimedOut extends ReindexException {
        public TimedOut(Duration limit) {
            super("The re-index took longer than " + limit.toSeconds()
                    + " s and was stopped; the index in service is unchanged. A very large library or document may"
                    + " be the cause.");
        }
    }
}
