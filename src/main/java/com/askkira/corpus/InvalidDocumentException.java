package com.askkira.corpus;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A library document that cannot be read. It names the file (once the library knows it), the line
 * where one is to blame, and the reason, so that the content team knows what to fix.
 */
public final class InvalidDocumentException extends RuntimeException {
    private final String file;
    private final int line;
    private final String reason;

    /** A problem with no file or line to point at (the corpus folder itself, say). */
    public InvalidDocumentException(String reason) {
        this(null, 0, reason);
    }

    /** A problem at {@code line} (1-based; 0 when no line is to blame) of a document not yet named. */
    public InvalidDocumentException(int line, String reason) {
        this(null, line, reason);
    }

    /** A problem in {@code file} (a name within the corpus folder) at {@code line}, 0 when none. */
    public InvalidDocumentException(String file, int line, String reason) {
        super(message(file, line, reason));
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (none) or more: " + line);
        }
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The same problem, now known to be in {@code name}. */
    public InvalidDocumentException in(String name) {
        return new InvalidDocumentException(name, line, reason);
    }

    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    public OptionalInt line() {
        return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
    }

    /** What is wrong, without the file and line. */
    public String reason() {
        return reason;
    }

    private static String message(String file, int line, String reason) {
        String where = (file == null ? "" : file) + (line > 0 ? (file == null ? "" : ", ") + "line " + line : "");
        return where.isEmpty() ? reason : where + ": " + reason;
    }
}
