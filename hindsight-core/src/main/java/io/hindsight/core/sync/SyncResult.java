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
 * @param created   tickets this sync created
 * @param updated   tickets this sync changed (fields, or moved to done)
 * @param page      what became of the page; null when the sync was blocked
 * @param news      what the comment told (also changes an earlier, interrupted attempt made); {@link News#NONE} when none
 * @param commented whether the post-mortem has a comment for this change (made now, or found made by an earlier attempt)
 */
public record SyncResult(String postMortemKey, LintReport report, boolean blocked, List<CreatedTicket> created,
                         List<TicketChange> updated, List<RemediationTicket> orphans, List<RemediationTicket> duplicates,
                         PageDecision page, String pageId, News news, boolean commented) {
    public SyncResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        orphans = List.copyOf(orphans);
        duplicates = List.copyOf(duplicates);
        news = news == null ? News.NONE : news;
    }

    /** A sync the checker stopped: nothing written but, perhaps, the comment saying why. */
    public static SyncResult blocked(String postMortemKey, LintReport report, String pageId) {
        return new SyncResult(postMortemKey, report, true, List.of(), List.of(), List.of(), List.of(), null, pageId, News.NONE, false);
    }

    /** Whether this sync wrote anything to the tickets or the page. */
    public boolean changedAnything() {
        return !created.isEmpty() || !updated.isEmpty() || (page != null && page.action() != PageDecision.Action.UNCHANGED) || !news.healed().isEmpty();
    }

    /** The same, told in a comment. */
    public SyncResult withComment(News told) {
        return new SyncResult(postMortemKey, report, blocked, created, updated, orphans, duplicates, page, pageId, told, true);
    }

    /** What the comment said beyond tickets and the page, one line each: unassigned tickets, stuck ones, duplicates resolved. */
    public List<String> notes() {
        return SyncComment.notes(news);
    }
}
