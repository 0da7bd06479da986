package io.hindsight.core.usecase;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.SyncState;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.port.CreatedTicket;
import io.hindsight.core.port.CreatedTickets;
import io.hindsight.core.port.OutcomeUnknown;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.sync.SyncDeferred;
import io.hindsight.core.sync.SyncException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reconcile step's creates: the remediation tickets a post-mortem's actions still lack, with their owners where
 * the tracker knows them, and the wait after a create whose answer never came (it may still land).
 */
final class MissingTickets {
    private final PostMortemStore store;
    private final TicketTracker tracker;
    private final Owners owners;
    private final Clock clock;
    private final Duration unsettledWindow;

    MissingTickets(PostMortemStore store, TicketTracker tracker, Owners owners, Clock clock, Duration unsettledWindow) {
        this.store = store;
        this.tracker = tracker;
        this.owners = owners;
        this.clock = clock;
        this.unsettledWindow = unsettledWindow;
    }

    /**
     * Creates the tickets that are missing, in one request (two when the tracker refuses owners). Each owner the
     * tracker has no user for gets a ticket that names them, unassigned. A create that gets no answer may still
     * land: the state then says until when, and no sync creates tickets before that.
     */
    List<CreatedTicket> create(IssueKey key, SyncState state, List<DesiredTicket> toCreate, Map<String, String> unassigned,
                                              Set<String> refusedOwners) {
        if (toCreate.isEmpty()) return List.of();
        Instant now = clock.instant();
        if (state.unsettledUntil() != null && now.isBefore(state.unsettledUntil())) {
            throw new SyncDeferred("an earlier create of remediation tickets for " + key + " got no answer and may still land until "
                    + SyncPostMortem.TIME.format(state.unsettledUntil()) + "; creating them now could make each twice, so this sync waits: it runs again after that "
                    + "and creates only what is missing. No ticket, page or comment was written.", state.unsettledUntil());
        }
        List<DesiredTicket> tickets = new ArrayList<>();
        Map<String, String> ownerOf = new HashMap<>();
        for (DesiredTicket d : toCreate) {
            if (d.owner() == null) {
                tickets.add(d);
                continue;
            }
            ownerOf.put(d.actionId(), d.owner());
            Optional<String> id = owners.assignee(d.owner(), state.unknownOwners());
            tickets.add(id.isPresent() ? withOwner(d, id.get()) : unassigned(d));
        }
        CreatedTickets result = send(key, state, tickets);
        List<CreatedTicket> created = new ArrayList<>(result.created());
        List<CreatedTickets.Refusal> refused = new ArrayList<>();
        List<DesiredTicket> again = new ArrayList<>();
        for (CreatedTickets.Refusal e : result.refused()) {
            // the tracker knows no such user to assign: the ticket is made anyway, unassigned, naming its owner
            if ("assignee".equals(e.field()) && ownerOf.containsKey(e.ticket().actionId())) {
                refusedOwners.add(owners.name(ownerOf.get(e.ticket().actionId())));
                again.add(unassigned(toCreate.stream().filter(d -> d.actionId().equals(e.ticket().actionId())).findFirst().orElseThrow()));
            } else {
                refused.add(e);
            }
        }
        if (!again.isEmpty()) {
            CreatedTickets second = send(key, state.withUnknownOwners(union(state.unknownOwners(), refusedOwners)), again);
            created.addAll(second.created());
            refused.addAll(second.refused());
        }
        for (CreatedTicket c : created) {
            String owner = ownerOf.get(c.actionId());
            DesiredTicket sent = tickets.stream().filter(d -> d.actionId().equals(c.actionId())).findFirst().orElseThrow();
            boolean recreated = again.stream().anyMatch(d -> d.actionId().equals(c.actionId()));
            if (owner != null && (sent.owner() == null || recreated)) unassigned.put(c.key(), owner);
        }
        if (!refused.isEmpty()) throw new SyncException(refusals(refused));
        return created;
    }

    /** One create request; an unknown outcome is remembered before the sync stops, so the next attempt waits for it. */
    private CreatedTickets send(IssueKey key, SyncState state, List<DesiredTicket> tickets) {
        try {
            return tracker.create(key, tickets);
        } catch (OutcomeUnknown e) {
            Instant until = clock.instant().plus(unsettledWindow);
            try {
                store.saveState(key, state.withUnsettledUntil(until));
            } catch (RuntimeException notSaved) {
                // the tracker is unreachable too; finding the duplicates this may cause is left to a later sync, which resolves them
                e.addSuppressed(notSaved);
            }
            throw new SyncException("the create of " + tickets.size() + " remediation ticket(s) for " + key + " got no answer (" + e.getMessage()
                    + "); they may exist already or appear until " + SyncPostMortem.TIME.format(until) + ", so no ticket is created before then: "
                    + "the next sync after that creates only what is missing", e);
        }
    }

    static List<String> union(List<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static DesiredTicket withOwner(DesiredTicket d, String ownerId) {
        return new DesiredTicket(d.actionId(), d.actionClass(), d.summary(), d.description(), ownerId, d.due(), d.dueSource(), d.priority(), d.labels(),
                d.project(), d.done(), d.existingTicket());
    }

    /** Without an assignee, the owner named in the description so that nobody has to guess. */
    private static DesiredTicket unassigned(DesiredTicket d) {
        String note = "**Owner:** @" + d.owner() + " (no Jira user matches this name, so the ticket is unassigned: assign it, or map the name under "
                + "'users:' in hindsight.yaml)";
        String description = d.description() == null || d.description().isBlank() ? note : d.description() + "\n\n" + note;
        return new DesiredTicket(d.actionId(), d.actionClass(), d.summary(), description, null, d.due(), d.dueSource(), d.priority(), d.labels(),
                d.project(), d.done(), d.existingTicket());
    }

    private static String refusals(List<CreatedTickets.Refusal> refused) {
        StringBuilder sb = new StringBuilder("Jira refused " + refused.size() + " remediation ticket(s); the others were created and a retry creates only the missing ones:");
        for (CreatedTickets.Refusal e : refused) {
            sb.append("\n- '").append(e.ticket().summary()).append("': ").append(e.field() == null ? "" : e.field() + ": ").append(e.reason());
            // Jira's words for an unknown project ("project is required") send people looking in the wrong place
            if ("project".equals(e.field())) {
                sb.append(" (the action files it under project '").append(e.ticket().project()).append("': check that the project exists and that Hindsight's account ")
                        .append("may create issues in it, or change the action's project:KEY)");
            }
        }
        return sb.toString();
    }
}
