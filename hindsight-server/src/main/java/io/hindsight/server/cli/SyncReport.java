package io.hindsight.server.cli;

import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.port.CreatedTicket;
import io.hindsight.core.sync.PageDecision;
import io.hindsight.core.sync.SyncResult;

import java.io.PrintWriter;

/** How a sync reads on a terminal. */
final class SyncReport {
    private SyncReport() {
    }

    static void print(SyncResult r, PrintWriter out) {
        if (r.blocked()) {
            out.println(r.postMortemKey() + ": not synced, the checker found errors (they were commented on the issue):");
            r.report().findings().stream().filter(f -> f.level() == io.hindsight.core.lint.Level.ERROR)
                    .forEach(f -> out.println("  " + f.rule() + ": " + f.message()));
            return;
        }
        out.println(r.postMortemKey() + ": " + (r.changedAnything() ? "synced" : "already in step, nothing written"));
        if (!r.created().isEmpty()) {
            out.println("  created " + r.created().size() + " ticket(s): " + String.join(", ", r.created().stream().map(CreatedTicket::key).toList()));
        }
        if (!r.updated().isEmpty()) out.println("  updated " + r.updated().size() + " ticket(s)");
        if (r.page() != null && r.page().action() != PageDecision.Action.UNCHANGED) {
            out.println("  " + (r.page().action() == PageDecision.Action.CREATE ? "created" : "updated") + " the Confluence page " + r.pageId()
                    + (r.page().handEdited() ? " (it had been edited by hand; version " + r.page().replacedVersion() + " stays in its history)" : ""));
        }
        if (!r.orphans().isEmpty()) out.println("  orphans (left as they are): " + String.join(", ", r.orphans().stream().map(RemediationTicket::key).toList()));
        // unassigned tickets, workflows with no way to done, duplicates resolved: what the comment said beyond the counts
        r.notes().forEach(n -> out.println("  note: " + n));
        if (r.commented()) out.println("  commented on " + r.postMortemKey());
    }
}
