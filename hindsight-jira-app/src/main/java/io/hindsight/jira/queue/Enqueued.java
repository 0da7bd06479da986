package io.hindsight.jira.queue;

/** The answer to a sync request: the job that will run it, and whether it joined one already queued. */
public record Enqueued(SyncJob job, boolean joined) {
}
