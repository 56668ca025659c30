package com.askkira.store;

/** The database could not be read or written; the message names the operation, never a stored text. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
