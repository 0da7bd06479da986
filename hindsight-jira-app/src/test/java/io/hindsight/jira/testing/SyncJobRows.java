package io.hindsight.jira.testing;

import io.hindsight.jira.queue.JobStatus;

import java.util.HashMap;
import java.util.Map;

/** A sync-job row as Active Objects stores it, for tests that need many old jobs at once (one bulk insert). */
public final class SyncJobRows {
    private SyncJobRows() {
    }

    /** One attempt, one event, created and last touched at {@code millis}. */
    public static Map<String, Object> row(String key, JobStatus status, long millis) {
        Map<String, Object> m = new HashMap<>();
        m.put("POST_MORTEM_KEY", key);
        m.put("STATUS", status.name());
        m.put("ATTEMPTS", 1);
        m.put("EVENTS", 1);
        m.put("NEXT_RUN_MILLIS", millis);
        m.put("CREATED_MILLIS", millis);
        m.put("UPDATED_MILLIS", millis);
        m.put("LEASE_UNTIL_MILLIS", 0L);
        return m;
    }
}
