package io.hindsight.core.sync;

import io.hindsight.core.model.IssueKey;

/**
 * An issue asked to be synced or written as a post-mortem that is not one (a remediation ticket, a task):
 * refused before anything is written, whatever the caller (a webhook, the API, a file's {@code key:}) said.
 */
public class NotAPostMortem extends SyncException {
    private final IssueKey key;

    public NotAPostMortem(IssueKey key, String message) {
        super(message);
        this.key = key;
    }

    public IssueKey key() {
        return key;
    }
}
