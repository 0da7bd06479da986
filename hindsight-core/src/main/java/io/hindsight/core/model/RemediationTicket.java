package io.hindsight.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A remediation ticket as it stands in the tracker, as far as reconciling and reporting need it.
 *
 * @param actionId the action id the ticket carries (label or entity property), null when it has none
 * @param owner    the assignee's id in the tracker, or null
 */
public record RemediationTicket(String key, String actionId, String summary, String owner, LocalDate due, String priority,
                                List<String> labels, boolean done) {
    public RemediationTicket {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
