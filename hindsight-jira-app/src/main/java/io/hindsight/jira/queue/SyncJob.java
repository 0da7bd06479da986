package io.hindsight.jira.queue;

import java.time.Instant;
import java.util.Optional;

/** A sync job as the rest of the app sees it: an immutable copy of its row. */
public record SyncJob(int id, String postMortemKey, JobStatus status, int attempts, int events, Instant nextRun,
                      Instant created, Instant updated, String reason, Optional<String> lastError) {
}
