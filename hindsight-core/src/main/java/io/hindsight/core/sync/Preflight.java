package io.hindsight.core.sync;

import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.port.Schema;
import io.hindsight.core.port.TicketTracker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check made before anything is written: every ticket to be made goes to a project that exists and offers
 * the remediation ticket's issue type. A post-mortem that fails it is refused whole, so it never leaves an issue
 * without its tickets or a page behind.
 */
public final class Preflight {
    private Preflight() {
    }

    /** One action that cannot have its ticket, and what to change. */
    public record Problem(String actionId, String summary, String message) {
    }

    /** The projects the tickets go to (those that name one). */
    public static Set<String> projects(List<DesiredTicket> tickets) {
        Set<String> out = new LinkedHashSet<>();
        tickets.stream().map(DesiredTicket::project).filter(p -> p != null && !p.isBlank()).forEach(out::add);
        return out;
    }

    public static List<Problem> check(List<DesiredTicket> tickets, Map<String, TicketTracker.Project> projects) {
        List<Problem> out = new ArrayList<>();
        for (DesiredTicket d : tickets) {
            if (d.project() == null || d.project().isBlank()) {
                out.add(new Problem(d.actionId(), d.summary(), "the action names no project for its ticket: add project:KEY to it, or set defaultProject in the SLO policy"));
                continue;
            }
            TicketTracker.Project p = projects.get(d.project());
            if (p == null || !p.exists()) {
                out.add(new Problem(d.actionId(), d.summary(), "project " + d.project() + " does not exist in Jira, or Hindsight's account cannot see it: "
                        + "change project:" + d.project() + " to an existing project's key (or let the account browse and create issues there)"));
            } else if (!p.offers(Schema.TICKET_TYPE)) {
                out.add(new Problem(d.actionId(), d.summary(), "project " + d.project() + " does not offer the issue type " + Schema.TICKET_TYPE
                        + " that remediation tickets are (it offers " + (p.issueTypes().isEmpty() ? "none to this account" : String.join(", ", p.issueTypes()))
                        + "): file the action under another project, or add " + Schema.TICKET_TYPE + " to the project's issue type scheme"));
            }
        }
        return out;
    }

    /** The refusal of a post-mortem read from Jira (no file lines: each action is named by its text). */
    public static String refusal(String postMortem, List<Problem> problems) {
        StringBuilder sb = new StringBuilder(postMortem + " was not synced: " + problems.size()
                + " action(s) cannot have a ticket where they ask for one; nothing was written. Fix these and sync again:");
        for (Problem p : problems) sb.append("\n- action '").append(p.summary()).append("': ").append(p.message());
        return sb.toString();
    }
}
