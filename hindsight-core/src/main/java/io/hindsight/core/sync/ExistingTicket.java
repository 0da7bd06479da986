package io.hindsight.core.sync;

import java.time.LocalDate;
import java.util.List;

/**
 * A remediation ticket as it stands in Jira, as far as reconciling needs it.
 *
 * @param actionId the action id the ticket carries (label or entity property), null when it has none
 * @param owner    the assignee's id in Jira, or null
 */
public record ExistingTicket(String key, String actionId, String summary, String owner, LocalDate due, String priority,
                             List<String> labels, boolean done) {
    public ExistingTicket {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
