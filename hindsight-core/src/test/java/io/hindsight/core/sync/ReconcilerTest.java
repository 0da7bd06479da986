package io.hindsight.core.sync;

import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.plan.RemediationPlan;
import io.hindsight.core.port.TicketChange;
import org.junit.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class ReconcilerTest {
    private static final LocalDate DUE = LocalDate.of(2026, 12, 20);
    private final Reconciler reconciler = new Reconciler(name -> Optional.ofNullable(Map.of("maria", "u-maria", "kenji", "u-kenji").get(name)));

    private static DesiredTicket desired(String id, String summary, String owner, boolean done, String existingKey) {
        return new DesiredTicket(id, "priority", summary, "description", owner, DUE, DesiredTicket.DueSource.AUTHOR, "High",
                List.of("postmortem-action"), "OPS", done, existingKey);
    }

    private static RemediationTicket existing(String key, String actionId, String summary, String owner, boolean done) {
        return new RemediationTicket(key, actionId, summary, owner, DUE, "High", List.of("postmortem-action"), done);
    }

    private static RemediationPlan plan(DesiredTicket... tickets) {
        return new RemediationPlan("PM-12", List.of(tickets), null, DUE, List.of());
    }

    @Test
    public void firstPublishCreatesEveryTicket() {
        Reconciliation r = reconciler.reconcile(plan(desired("a1", "Alert on lag", "maria", false, null), desired("a2", "Route reads", null, false, null)), List.of());
        assertEquals(2, r.toCreate().size());
        assertTrue(r.toUpdate().isEmpty());
    }

    @Test
    public void aResyncWithNothingChangedWritesNothing() {
        Reconciliation r = reconciler.reconcile(plan(desired("a1", "Alert on lag", "maria", false, null)),
                List.of(existing("OPS-7", "a1", "Alert on lag", "u-maria", false)));
        assertTrue(r.writesNothing());
        assertEquals(1, r.matched().size());
    }

    @Test
    public void changesAreMinimalAndPeoplesLabelsAreKept() {
        RemediationTicket t = new RemediationTicket("OPS-7", "a1", "Alert on lag", "u-kenji", LocalDate.of(2026, 12, 1), "High",
                List.of("postmortem-action", "team-db"), false);
        Reconciliation r = reconciler.reconcile(plan(desired("a1", "Alert on replication lag above 60 s", "maria", true, null)), List.of(t));
        TicketChange c = r.toUpdate().get(0);
        assertEquals("Alert on replication lag above 60 s", c.summary());
        assertEquals("u-maria", c.owner());
        assertEquals(DUE, c.due());
        assertNull("priority unchanged", c.priority());
        assertEquals(List.of(), c.addLabels());
        assertTrue(c.markDone());
    }

    @Test
    public void aTicketKeyWrittenInTheActionWinsOverTheActionId() {
        Reconciliation r = reconciler.reconcile(plan(desired("a9", "Renamed action", null, false, "OPS-7")),
                List.of(existing("OPS-7", "a1", "Old wording", null, false)));
        assertEquals("OPS-7", r.matched().get(0).existing().key());
        assertEquals("Renamed action", r.toUpdate().get(0).summary());
        assertTrue(r.toCreate().isEmpty());
    }

    @Test
    public void removedActionsLeaveOrphansAndDuplicatesAreReportedNeverDeleted() {
        Reconciliation r = reconciler.reconcile(plan(desired("a1", "Alert on lag", null, false, null)),
                List.of(existing("OPS-10", "a1", "Alert on lag", null, false), existing("OPS-9", "a1", "Alert on lag", null, false),
                        existing("OPS-11", "a2", "Removed action", null, false)));
        assertEquals("the oldest ticket answers for the action", "OPS-9", r.matched().get(0).existing().key());
        assertEquals(List.of("OPS-10"), r.duplicates().stream().map(RemediationTicket::key).toList());
        assertEquals(List.of("OPS-11"), r.orphans().stream().map(RemediationTicket::key).toList());
        assertTrue(r.toCreate().isEmpty());
    }

    @Test
    public void fiftyActionsAfterACrashHalfWayCreateOnlyTheMissingHalf() {
        DesiredTicket[] tickets = new DesiredTicket[50];
        List<RemediationTicket> landed = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tickets[i] = desired("a" + i, "Action " + i, null, false, null);
            if (i < 25) landed.add(existing("OPS-" + (i + 1), "a" + i, "Action " + i, null, false));
        }
        Reconciliation r = reconciler.reconcile(plan(tickets), landed);
        assertEquals(25, r.toCreate().size());
        assertEquals("a25", r.toCreate().get(0).actionId());
        assertTrue(r.toUpdate().isEmpty());
    }

    @Test
    public void aProvisionalDueDateIsGivenToANewTicketButNeverMovesAnExistingOne() {
        DesiredTicket provisional = new DesiredTicket("a1", "priority", "Alert on lag", "description", null, DUE.plusDays(1),
                DesiredTicket.DueSource.PROVISIONAL, "High", List.of("postmortem-action"), "OPS", false, null);
        assertEquals(DUE.plusDays(1), reconciler.reconcile(plan(provisional), List.of()).toCreate().get(0).due());
        // the next day's plan counts from a day later; the ticket keeps the date it was made with
        Reconciliation r = reconciler.reconcile(plan(provisional), List.of(existing("OPS-7", "a1", "Alert on lag", null, false)));
        assertTrue(r.writesNothing());
        // a real basis arrives (approval): the date moves, once
        DesiredTicket approved = new DesiredTicket("a1", "priority", "Alert on lag", "description", null, DUE.plusDays(9),
                DesiredTicket.DueSource.POLICY, "High", List.of("postmortem-action"), "OPS", false, null);
        assertEquals(DUE.plusDays(9), reconciler.reconcile(plan(approved), List.of(existing("OPS-7", "a1", "Alert on lag", null, false))).toUpdate().get(0).due());
    }
}
