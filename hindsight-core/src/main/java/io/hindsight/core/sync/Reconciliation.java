package io.hindsight.core.sync;

import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.port.TicketChange;

import java.util.List;
import java.util.Map;

/**
 * The difference between the tickets a post-mortem asks for and those Jira has: what to create, what
 * to change, what already matches, and orphans (tickets whose action is gone). Nothing is ever deleted.
 *
 * @param duplicates  tickets that carry an action id another (older) ticket already answers for
 * @param duplicateOf for each duplicate's key, the key of the ticket that answers for its action
 */
public record Reconciliation(List<DesiredTicket> toCreate, List<TicketChange> toUpdate, List<Match> matched,
                             List<RemediationTicket> orphans, List<RemediationTicket> duplicates, Map<String, String> duplicateOf) {
    public record Match(DesiredTicket desired, RemediationTicket existing) {
    }

    public Reconciliation {
        toCreate = List.copyOf(toCreate);
        toUpdate = List.copyOf(toUpdate);
        matched = List.copyOf(matched);
        orphans = List.copyOf(orphans);
        duplicates = List.copyOf(duplicates);
        duplicateOf = Map.copyOf(duplicateOf);
    }

    /** Nothing to create or change: what a blocked sync reconciles. */
    public static final Reconciliation NONE = new Reconciliation(List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());

    public boolean writesNothing() {
        return toCreate.isEmpty() && toUpdate.isEmpty();
    }

    /** The same, with other changes to make. */
    public Reconciliation withUpdates(List<TicketChange> updates) {
        return new Reconciliation(toCreate, updates, matched, orphans, duplicates, duplicateOf);
    }
}
