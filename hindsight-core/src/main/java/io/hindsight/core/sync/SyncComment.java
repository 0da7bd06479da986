package io.hindsight.core.sync;

import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.lint.Level;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.port.CreatedTicket;
import io.hindsight.core.port.TicketChange;

import java.util.List;

/** The comment a sync leaves on the post-mortem, in Markdown: what it changed, what it left, what the checker says. */
public final class SyncComment {
    private SyncComment() {
    }

    /** The checker's errors and warnings as a Markdown list; empty when it has nothing to say (infos are left out). */
    public static String findings(LintReport report) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : report.findings()) {
            if (f.level() == Level.INFO) continue;
            sb.append("- *").append(f.level().label()).append("* `").append(f.rule()).append("`")
                    .append(f.section().isEmpty() ? "" : " (" + f.section() + ")").append(": ").append(f.message()).append('\n');
        }
        return sb.toString();
    }

    /** @param findings {@link #findings} of the sync's report */
    public static String text(SyncResult r, String findings) {
        if (r.blocked()) {
            return ("Hindsight did not sync this post-mortem: the checker found " + r.report().count(Level.ERROR)
                    + " error(s). Fix them and save the issue again.\n\n" + findings).strip();
        }
        StringBuilder sb = new StringBuilder("Hindsight synced this post-mortem.\n\n");
        if (!r.created().isEmpty()) {
            sb.append("- Created ").append(r.created().size()).append(" remediation ticket(s): ").append(keys(r.created().stream().map(CreatedTicket::key).toList())).append('\n');
        }
        if (!r.updated().isEmpty()) {
            sb.append("- Updated ").append(r.updated().size()).append(" ticket(s): ").append(keys(r.updated().stream().map(TicketChange::ticketKey).toList())).append('\n');
        }
        PageDecision page = r.page();
        if (page != null && page.action() != PageDecision.Action.UNCHANGED) {
            sb.append("- ").append(page.action() == PageDecision.Action.CREATE ? "Created" : "Updated").append(" the Confluence page (id ")
                    .append(r.pageId()).append(").\n");
            if (page.handEdited()) {
                sb.append("- The page had been edited by hand (version ").append(page.replacedVersion())
                        .append("); that version is kept in the page history. Edit the post-mortem issue instead.\n");
            }
        }
        if (!r.orphans().isEmpty()) {
            sb.append("- These tickets answer for actions that are no longer in the post-mortem; they were left as they are: ")
                    .append(keys(r.orphans().stream().map(RemediationTicket::key).toList())).append('\n');
        }
        if (!r.duplicates().isEmpty()) {
            sb.append("- These tickets repeat an action another ticket answers for: ")
                    .append(keys(r.duplicates().stream().map(RemediationTicket::key).toList())).append('\n');
        }
        if (!findings.isEmpty()) sb.append("\nChecker:\n").append(findings);
        return sb.toString().strip();
    }

    private static String keys(List<String> keys) {
        return String.join(", ", keys);
    }
}
