package io.hindsight.core.port;

/**
 * A write that was sent and got no answer (a timeout, a lost connection, a 5xx to a create): it may have
 * been carried out, or may still be, so it must not simply be sent again. Adapters throw it where Jira or
 * Confluence cannot say; the sync then waits until what was sent can no longer land before creating again.
 */
public class OutcomeUnknown extends RuntimeException {
    public OutcomeUnknown(String message, Throwable cause) {
        super(message, cause);
    }
}
