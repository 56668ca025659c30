package com.askkira.corpus;

/** A library document that cannot be read; the message says what to fix. */
public final class InvalidDocumentException extends RuntimeException {
    public InvalidDocumentException(String message) {
        super(message);
    }
}
