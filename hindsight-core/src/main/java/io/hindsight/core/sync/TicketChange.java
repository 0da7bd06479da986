package io.hindsight.core.sync;

import java.time.LocalDate;
import java.util.List;

/**
 * What to change on an existing ticket so it matches its action; null means "leave as it is".
 *
 * @param addLabels  labels the ticket lacks (labels people added are kept)
 * @param markDone   the author ticked the action off, the ticket is still open
 */
public record TicketChange(String ticketKey, String actionId, String summary, String owner, LocalDate due, String priority,
                           List<String> addLabels, boolean markDone) {
    public TicketChange {
        addLabels = addLabels == null ? List.of() : List.copyOf(addLabels);
    }

    public boolean fieldsChange() {
        return summary != null || owner != null || due != null || priority != null || !addLabels.isEmpty();
    }
}
