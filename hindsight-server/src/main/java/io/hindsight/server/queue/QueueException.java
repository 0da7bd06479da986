package io.hindsight.server.queue;

/** The job store failed; the message says what it was doing. */
public class QueueException extends RuntimeException {
    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
