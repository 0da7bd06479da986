package io.hindsight.jira.web.view;

import io.hindsight.jira.queue.SyncJob;

/** A queue job as the admin page lists it. */
public final class JobView {
    private final int id;
    private final String postMortemKey;
    private final int attempts;
    private final String updated;
    private final String reason;
    private final String lastError;

    public JobView(SyncJob job) {
        this.id = job.id();
        this.postMortemKey = job.postMortemKey();
        this.attempts = job.attempts();
        this.updated = job.updated().toString();
        this.reason = job.reason();
        this.lastError = job.lastError().orElse("");
    }

    public int getId() {
        return id;
    }

    public String getPostMortemKey() {
        return postMortemKey;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getUpdated() {
        return updated;
    }

    public String getReason() {
        return reason;
    }

    public String getLastError() {
        return lastError;
    }
}
