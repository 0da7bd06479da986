package io.hindsight.core.sync;

/** A sync that cannot go on; the message says what to fix. */
public class SyncException extends RuntimeException {
    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
