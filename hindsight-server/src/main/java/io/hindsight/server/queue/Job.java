package io.hindsight.server.queue;

import java.time.Instant;

/** A sync job: bring one post-mortem in step. */
public record Job(long id, String postMortem, Status status, int attempts, Instant runAfter, String lastError) {
    /** SUPERSEDED: not run again because a newer job of the same post-mortem was already queued. */
    public enum Status { QUEUED, RUNNING, DONE, DEAD, SUPERSEDED }
}
