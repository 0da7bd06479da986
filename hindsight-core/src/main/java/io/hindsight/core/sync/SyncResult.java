package io.hindsight.core.sync;

import io.hindsight.core.lint.LintReport;

import java.util.List;

/**
 * What a sync did, for the CLI, the service and the comment on the post-mortem.
 *
 * @param blocked true when checker errors stopped the sync before anything was written
 */
public record SyncResult(String postMortemKey, LintReport report, boolean blocked, List<Ports.Created> created,
                         List<TicketChange> updated, List<ExistingTicket> orphans, List<ExistingTicket> duplicates,
                         PageDecision page, String pageId, boolean commented) {
    public SyncResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        orphans = List.copyOf(orphans);
        duplicates = List.copyOf(duplicates);
    }

    public boolean changedAnything() {
        return !created.isEmpty() || !updated.isEmpty() || (page != null && page.action() != PageDecision.Action.UNCHANGED);
    }
}
