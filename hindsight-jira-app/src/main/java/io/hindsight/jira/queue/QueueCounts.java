package io.hindsight.jira.queue;

import java.util.Map;

/** How many jobs are in each state. */
public record QueueCounts(Map<JobStatus, Integer> byStatus) {
    public QueueCounts {
        byStatus = Map.copyOf(byStatus);
    }

    public int of(JobStatus status) {
        return byStatus.getOrDefault(status, 0);
    }
}
