package io.hindsight.core.sync;

import io.hindsight.core.lint.LintReport;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.port.CreatedTicket;
import io.hindsight.core.port.TicketChange;

import java.util.List;

/**
 * What a sync did, for the CLI, the service and the comment on the post-mortem.
 *
 * @param blocked   true when checker errors stopped the sync before anything was written
 * @param page      what became of the page; null when the sync was blocked
 * @param commented whether the post-mortem got a comment
 */
public record SyncResult(String postMortemKey, LintReport report, boolean blocked, List<CreatedTicket> created,
                         List<TicketChange> updated, List<RemediationTicket> orphans, List<RemediationTicket> duplicates,
                         PageDecision page, String pageId, boolean commented) {
    public SyncResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        orphans = List.copyOf(orphans);
        duplicates = List.copyOf(duplicates);
    }

    /** A sync the checker stopped: nothing written but, perhaps, the comment saying why. */
    public static SyncResult blocked(String postMortemKey, LintReport report, String pageId) {
        return new SyncResult(postMortemKey, report, true, List.of(), List.of(), List.of(), List.of(), null, pageId, false);
    }

    public boolean changedAnything() {
        return !created.isEmpty() || !updated.isEmpty() || (page != null && page.action() != PageDecision.Action.UNCHANGED);
    }

    /** The same, with the comment made. */
    public SyncResult withComment() {
        return new SyncResult(postMortemKey, report, blocked, created, updated, orphans, duplicates, page, pageId, true);
    }
}
