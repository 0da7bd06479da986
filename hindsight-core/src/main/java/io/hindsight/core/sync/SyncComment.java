package io.hindsight.core.sync;

import io.hindsight.core.lint.Finding;
import io.hindsight.core.lint.Level;
import io.hindsight.core.lint.LintReport;
import io.hindsight.core.model.RemediationTicket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The comment a sync leaves on the post-mortem, in Markdown: what changed, what it left, what the checker says. */
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

    /** The comment of a sync the checker stopped. */
    public static String blocked(LintReport report, String findings) {
        return ("Hindsight did not sync this post-mortem: the checker found " + report.count(Level.ERROR)
                + " error(s). Fix them and save the issue again.\n\n" + findings).strip();
    }

    /**
     * @param orphans  tickets whose action is gone (said with every change, as they stay)
     * @param findings {@link #findings} of the sync's report
     */
    public static String text(News news, List<RemediationTicket> orphans, String findings) {
        StringBuilder sb = new StringBuilder("Hindsight synced this post-mortem.\n\n");
        if (!news.created().isEmpty()) {
            sb.append("- Created ").append(news.created().size()).append(" remediation ticket(s): ").append(String.join(", ", news.created())).append('\n');
        }
        if (!news.updated().isEmpty()) {
            sb.append("- Updated ").append(news.updated().size()).append(" ticket(s): ").append(String.join(", ", news.updated())).append('\n');
        }
        if (!news.closed().isEmpty()) {
            sb.append("- Moved ").append(news.closed().size()).append(" ticket(s) to done, as their actions are ticked off: ")
                    .append(String.join(", ", news.closed())).append('\n');
        }
        News.Page page = news.page();
        if (page != null) {
            sb.append("- ").append(page.created() ? "Created" : "Updated").append(" the Confluence page (id ").append(page.pageId()).append(").\n");
            if (page.handEditedVersion() > 0) {
                sb.append("- The page had been edited by hand (version ").append(page.handEditedVersion())
                        .append("); that version is kept in the page history. Edit the post-mortem issue instead.\n");
            }
        }
        for (String note : notes(news)) sb.append("- ").append(note).append('\n');
        if (!orphans.isEmpty()) {
            sb.append("- These tickets answer for actions that are no longer in the post-mortem; they were left as they are: ")
                    .append(String.join(", ", orphans.stream().map(RemediationTicket::key).toList())).append('\n');
        }
        if (!findings.isEmpty()) sb.append("\nChecker:\n").append(findings);
        return sb.toString().strip();
    }

    /** The lines about unassigned tickets, stuck ones and duplicates resolved. */
    static List<String> notes(News news) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> u : news.unassigned().entrySet()) {
            out.add(u.getKey() + " is unassigned: Jira has no user Hindsight may assign for @" + u.getValue()
                    + ". Map the name to a Jira user under 'users:' in hindsight.yaml, or change the action's owner.");
        }
        for (Map.Entry<String, String> n : news.notReassigned().entrySet()) {
            out.add(n.getKey() + " keeps its assignee: its action now names @" + n.getValue() + ", and Jira has no such user. Map the name under 'users:' "
                    + "in hindsight.yaml, or change the action's owner.");
        }
        for (Map.Entry<String, String> s : news.stuck().entrySet()) {
            out.add(s.getKey() + "'s action is ticked off, but its workflow offers no way to a done status from '" + s.getValue()
                    + "'. Close it by hand (Hindsight says this once).");
        }
        for (Map.Entry<String, News.Healed> h : news.healed().entrySet()) {
            News.Healed v = h.getValue();
            out.add(h.getKey() + " was a second ticket for the action " + v.kept() + " answers for (a create that was retried); it is linked to "
                    + v.kept() + " as a duplicate and " + (v.done() ? "resolved as Duplicate." : "left in '" + v.status() + "', as its workflow offers no way to done: close it by hand."));
        }
        return out;
    }
}
