package io.hindsight.core.plan;

/** An SLO policy file that cannot be used; the message names the file and field to fix. */
public class SloPolicyException extends RuntimeException {
    public SloPolicyException(String message, Throwable cause) {
        super(message, cause);
    }

    public SloPolicyException(String message) {
        super(message);
    }
}
