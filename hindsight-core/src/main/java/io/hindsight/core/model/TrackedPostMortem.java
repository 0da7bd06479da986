package io.hindsight.core.model;

import java.util.List;

/**
 * A post-mortem as the tracker holds it: the post-mortem read from its issue, what Hindsight remembered
 * on it ({@link SyncState#NONE} where that was not read, as in reports) and its remediation tickets.
 */
public record TrackedPostMortem(IssueKey key, PostMortem postMortem, SyncState state, List<RemediationTicket> tickets) {
    public TrackedPostMortem {
        tickets = List.copyOf(tickets);
    }
}
