package io.hindsight.core.port;

import io.hindsight.core.plan.DesiredTicket;

import java.util.List;

/**
 * What a creation of several tickets did, element by element, as Jira reports a bulk create: the tickets
 * made, in the order asked, and those it refused with its reason. A refusal does not undo the others.
 */
public record CreatedTickets(List<CreatedTicket> created, List<Refusal> refused) {
    /**
     * @param field  the field the tracker objected to (e.g. {@code project}), or null when it did not say
     * @param reason the tracker's words
     */
    public record Refusal(DesiredTicket ticket, String field, String reason) {
    }

    public CreatedTickets {
        created = List.copyOf(created);
        refused = List.copyOf(refused);
    }
}
