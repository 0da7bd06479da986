package io.hindsight.core.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * The remediation ticket an action item should have: what reconciliation compares against Jira.
 *
 * @param actionId       the action's stable id, stored on the ticket as an entity property
 * @param existingTicket the key of the ticket the action already names, if any
 * @param due            the due date, explicit or from the SLO policy; null when the policy sets none
 * @param dueSource      where the due date came from
 * @param priority       the Jira priority name; null to leave Jira's default
 * @param project        target project key; null when none could be chosen (see the plan's notes)
 */
public record DesiredTicket(String actionId, String actionClass, String summary, String description, String owner,
                            LocalDate due, DueSource dueSource, String priority, List<String> labels, String project,
                            boolean done, String existingTicket) {
    /**
     * PROVISIONAL: from the policy, but counted from the day of planning because the post-mortem records
     * neither its approval nor its start; it is set on a new ticket and not moved on later syncs.
     */
    public enum DueSource { AUTHOR, POLICY, PROVISIONAL, NONE }

    public DesiredTicket {
        labels = List.copyOf(labels);
    }
}
