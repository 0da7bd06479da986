package io.hindsight.core.port;

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

    /** Only labels added (a reminder records the milestone it sent). */
    public static TicketChange addLabels(String ticketKey, List<String> labels) {
        return new TicketChange(ticketKey, null, null, null, null, null, labels, false);
    }

    /** Only moved to done. */
    public static TicketChange done(String ticketKey, String actionId) {
        return new TicketChange(ticketKey, actionId, null, null, null, null, List.of(), true);
    }

    public boolean fieldsChange() {
        return summary != null || owner != null || due != null || priority != null || !addLabels.isEmpty();
    }
}
