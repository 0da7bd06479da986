package io.hindsight.jira.queue;

/** Where a sync job is in its life. */
public enum JobStatus {
    /** Waiting for its next run; at most one per post-mortem. */
    QUEUED,
    /** Claimed by a node, under a lease. */
    RUNNING,
    DONE,
    /** Failed on its last attempt: waits for an admin to replay it. */
    DEAD,
    /** Failed while a newer job of the same post-mortem waited; the newer one syncs everything. */
    SUPERSEDED
}
