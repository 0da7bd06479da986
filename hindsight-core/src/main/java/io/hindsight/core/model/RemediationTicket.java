package io.hindsight.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A remediation ticket as it stands in the tracker, as far as reconciling and reporting need it.
 *
 * @param actionId the action id the ticket carries (label or entity property), null when it has none
 * @param owner    the assignee's id in the tracker, or null
 * @param status   the workflow status it is in (e.g. "In Progress"), or null when the tracker did not say
 */
public record RemediationTicket(String key, String actionId, String summary, String owner, LocalDate due, String priority,
                                List<String> labels, boolean done, String status) {
    public RemediationTicket {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A ticket whose status name is not known, only whether it is done. */
    public RemediationTicket(String key, String actionId, String summary, String owner, LocalDate due, String priority,
                             List<String> labels, boolean done) {
        this(key, actionId, summary, owner, due, priority, labels, done, null);
    }
}
