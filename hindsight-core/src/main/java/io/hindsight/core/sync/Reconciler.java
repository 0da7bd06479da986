package io.hindsight.core.sync;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.port.TicketChange;
import io.hindsight.core.plan.RemediationPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Matches desired tickets to existing ones by identity, not by luck: first the ticket key an action
 * names ({@code ticket:OPS-7}), then the action id the ticket carries. What is left on the desired side
 * is created; what is left on the Jira side is an orphan, reported and never deleted.
 */
public final class Reconciler {
    private final Function<String, Optional<String>> ownerIds;

    /** @param ownerIds turns an action's owner name into the Jira user id tickets are assigned to */
    public Reconciler(Function<String, Optional<String>> ownerIds) {
        this.ownerIds = ownerIds;
    }

    public Reconciliation reconcile(RemediationPlan plan, List<RemediationTicket> existing) {
        List<RemediationTicket> byKey = existing.stream().sorted(Comparator.comparing(RemediationTicket::key, Reconciler::compareKeys)).toList();
        Map<String, RemediationTicket> keys = new LinkedHashMap<>();
        byKey.forEach(t -> keys.put(t.key(), t));
        Map<String, RemediationTicket> ids = new LinkedHashMap<>();
        List<RemediationTicket> duplicates = new ArrayList<>();
        Map<String, String> duplicateOf = new LinkedHashMap<>();
        for (RemediationTicket t : byKey) {
            if (t.actionId() == null) continue;
            // the oldest ticket answers for its action; a later one with the same id is a duplicate, kept and reported
            RemediationTicket first = ids.putIfAbsent(t.actionId(), t);
            if (first != null) {
                duplicates.add(t);
                duplicateOf.put(t.key(), first.key());
            }
        }
        Set<String> used = new HashSet<>();
        duplicates.forEach(d -> used.add(d.key()));
        List<DesiredTicket> toCreate = new ArrayList<>();
        List<TicketChange> toUpdate = new ArrayList<>();
        List<Reconciliation.Match> matched = new ArrayList<>();
        for (DesiredTicket d : plan.tickets()) {
            RemediationTicket t = d.existingTicket() != null && keys.containsKey(d.existingTicket()) ? keys.get(d.existingTicket()) : ids.get(d.actionId());
            if (t == null || !used.add(t.key())) {
                toCreate.add(d);
                continue;
            }
            matched.add(new Reconciliation.Match(d, t));
            change(d, t).ifPresent(toUpdate::add);
        }
        List<RemediationTicket> orphans = byKey.stream().filter(t -> !used.contains(t.key())).toList();
        return new Reconciliation(toCreate, toUpdate, matched, orphans, duplicates, duplicateOf);
    }

    private Optional<TicketChange> change(DesiredTicket d, RemediationTicket t) {
        String summary = Objects.equals(d.summary(), t.summary()) ? null : d.summary();
        // Data Center user names compare without case, as Jira compares them
        String owner = d.owner() == null ? null : ownerIds.apply(d.owner()).filter(id -> !id.equalsIgnoreCase(Objects.requireNonNullElse(t.owner(), ""))).orElse(null);
        // a provisional date is given to a new ticket but never moves an existing one: it would move every day
        boolean keepDue = d.dueSource() == DesiredTicket.DueSource.PROVISIONAL && t.due() != null;
        var due = d.due() == null || d.due().equals(t.due()) || keepDue ? null : d.due();
        String priority = d.priority() == null || d.priority().equals(t.priority()) ? null : d.priority();
        List<String> addLabels = d.labels().stream().filter(l -> !t.labels().contains(l)).toList();
        boolean markDone = d.done() && !t.done();
        TicketChange c = new TicketChange(t.key(), d.actionId(), summary, owner, due, priority, addLabels, markDone);
        return c.fieldsChange() || markDone ? Optional.of(c) : Optional.empty();
    }

    /** OPS-9 before OPS-10: project, then number; a key the tracker made up otherwise goes by its text. */
    static int compareKeys(String a, String b) {
        if (IssueKey.isKey(a) && IssueKey.isKey(b)) return IssueKey.of(a).compareTo(IssueKey.of(b));
        return a.compareTo(b);
    }
}
