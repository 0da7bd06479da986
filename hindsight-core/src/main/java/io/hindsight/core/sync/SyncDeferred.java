package io.hindsight.core.sync;

import java.time.Instant;

/**
 * A sync that must not run yet: an earlier create of tickets got no answer and may still land until
 * {@link #notBefore()}; creating now could make every ticket twice. Nothing was written; run it again then
 * (the job queue's backoff gets there by itself).
 */
public class SyncDeferred extends SyncException {
    private final Instant notBefore;

    public SyncDeferred(String message, Instant notBefore) {
        super(message);
        this.notBefore = notBefore;
    }

    public Instant notBefore() {
        return notBefore;
    }
}
