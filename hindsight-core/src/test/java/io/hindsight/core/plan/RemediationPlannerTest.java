package io.hindsight.core.plan;

import io.hindsight.core.Examples;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.Severity;
import org.junit.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class RemediationPlannerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    public void defaultPolicyFollowsTheHandbook() {
        SloPolicy p = SloPolicyLoader.defaults();
        assertEquals(Period.ofWeeks(4), p.dueAfter("priority", Severity.SEV1).orElseThrow());
        assertEquals(Period.ofWeeks(8), p.dueAfter("priority", Severity.SEV2).orElseThrow());
        assertEquals(Period.ofWeeks(12), p.dueAfter("improvement", Severity.SEV1).orElseThrow());
        assertEquals(DueBasis.APPROVED, p.countFrom());
        assertEquals("Highest", p.priorityFor(Severity.SEV1).orElseThrow());
    }

    @Test
    public void plansOneTicketPerActionWithDueDatesFromThePolicy() {
        PostMortem published = Examples.asPublished("replication-lag.md", "PM-12").postMortem();
        // its ticked-off action already has its ticket, as a sync's reconciliation hands it on
        PostMortem pm = published.withActionItems(published.actionItems().stream().map(a -> a.done() ? a.withTicket("OPS-99") : a).toList());
        RemediationPlan plan = new RemediationPlanner(SloPolicyLoader.defaults()).plan(pm, TODAY, "https://jira.example.com/browse/PM-12");
        assertEquals(4, plan.tickets().size());
        DesiredTicket explicit = plan.tickets().get(0);
        assertEquals(LocalDate.of(2026, 12, 20), explicit.due());
        assertEquals(DesiredTicket.DueSource.AUTHOR, explicit.dueSource());
        assertEquals("OPS", explicit.project());
        assertEquals("High", explicit.priority());
        assertEquals("maria", explicit.owner());

        DesiredTicket fromPolicy = plan.tickets().get(1);
        assertEquals("approved 2026-11-20 + 8 weeks for a SEV2 priority action", LocalDate.of(2027, 1, 15), fromPolicy.due());
        assertEquals(DesiredTicket.DueSource.POLICY, fromPolicy.dueSource());
        assertEquals("DB", fromPolicy.project());

        DesiredTicket improvement = plan.tickets().get(2);
        assertEquals(LocalDate.of(2027, 2, 12), improvement.due());
        assertEquals("no project on the action: the post-mortem's project", "PM", improvement.project());
        assertEquals(List.of("postmortem-action", "import", "tooling"), improvement.labels());
        assertTrue(improvement.description().contains("PM-12 \"Checkout outage caused by database replication lag\" (SEV2)"));
        assertTrue(improvement.description().contains("https://jira.example.com/browse/PM-12"));

        assertEquals("OPS-99", plan.tickets().get(3).existingTicket());
        assertEquals(List.of(), plan.notes());
    }

    @Test
    public void countsFromAStandInAndSaysSoWhenNotApprovedYet() {
        PostMortem pm = Examples.reader().read("---\nseverity: SEV1\n---\n## Action items\n- [ ] [priority] Add a canary @a\n", "x").postMortem();
        RemediationPlan plan = new RemediationPlanner(SloPolicyLoader.defaults()).plan(pm, TODAY, null);
        assertEquals(TODAY.plusWeeks(4), plan.tickets().get(0).due());
        assertEquals("counted from the day of planning: kept on the ticket, not moved daily", DesiredTicket.DueSource.PROVISIONAL, plan.tickets().get(0).dueSource());
        assertTrue(plan.notes().get(0), plan.notes().get(0).contains("due dates count from 2026-11-26 for now, because the post-mortem records neither its approved date nor its start"));
        PostMortem started = Examples.reader().read("---\nseverity: SEV1\nstarted: 2026-11-02 14:00 UTC\n---\n## Action items\n- [ ] [priority] Add a canary @a\n", "x").postMortem();
        DesiredTicket fromStart = new RemediationPlanner(SloPolicyLoader.defaults()).plan(started, TODAY, null).tickets().get(0);
        assertEquals("the incident's start stands in for the approval", java.time.LocalDate.of(2026, 11, 2).plusWeeks(4), fromStart.due());
        assertEquals(DesiredTicket.DueSource.POLICY, fromStart.dueSource());
        assertTrue(plan.notes().get(1).contains("has no target project"));
        assertNull(plan.tickets().get(0).project());
    }

    @Test
    public void durationsComeFromFrontMatterOrTimelineMarkers() {
        IncidentDurations d = IncidentDurations.of(Examples.asPublished("replication-lag.md", "PM-12").postMortem());
        assertEquals(Duration.ofMinutes(9), d.toDetect());
        assertEquals(Duration.ofMinutes(41), d.toMitigate());
        assertEquals(Duration.ofMinutes(90), d.toResolve());
        assertEquals("1h 30m", IncidentDurations.format(d.toResolve()));

        IncidentDurations google = IncidentDurations.of(Examples.read("google-sre-shakespeare.md").postMortem());
        assertEquals("OUTAGE BEGINS 14:54 to OUTAGE MITIGATED 15:36", Duration.ofMinutes(42), google.toMitigate());
        assertEquals(Duration.ofMinutes(66), google.toResolve());
        assertNull("no detection marker", google.toDetect());
    }

    @Test
    public void aCustomPolicyIsCheckedAndExplained() {
        SloPolicy p = SloPolicyLoader.parse("""
                countFrom: resolved
                classes:
                  mitigate: {SEV1: 2w, default: 30d}
                  prevent: {default: P3M}
                  someday: {default: none}
                defaultProject: rel
                """, "policy.yaml");
        assertEquals(java.util.Set.of("mitigate", "prevent", "someday"), p.actionClasses());
        assertEquals(Period.ofMonths(3), p.dueAfter("prevent", Severity.SEV4).orElseThrow());
        assertTrue(p.dueAfter("someday", Severity.SEV1).isEmpty());
        assertEquals("REL", p.defaultProject());

        SloPolicyException e = assertThrows(SloPolicyException.class,
                () -> SloPolicyLoader.parse("classes:\n  priority: {SEV1: soon}\n", "policy.yaml"));
        assertTrue(e.getMessage(), e.getMessage().contains("policy.yaml: classes.priority.SEV1: 'soon' is not a duration"));
        e = assertThrows(SloPolicyException.class, () -> SloPolicyLoader.parse("countFrom: approved\n", "policy.yaml"));
        assertTrue(e.getMessage(), e.getMessage().contains("'classes' is missing"));
        e = assertThrows(SloPolicyException.class, () -> SloPolicyLoader.parse("clases: {}\n", "policy.yaml"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("policy.yaml:1"));
    }

    @Test
    public void identicalActionLinesShareOneTicket() {
        PostMortem pm = Examples.reader().read("""
                ---
                key: PM-3
                severity: SEV2
                ---
                ## Action items
                - [ ] [priority] Alert on replica lag above 60 s @ana
                - [ ] Add a dashboard for lag @bo
                - [ ] [priority] Alert on replica lag above 60 s @ana
                """, "x").postMortem();
        assertEquals("the page keeps both lines", 3, pm.actionItems().size());
        RemediationPlan plan = new RemediationPlanner(SloPolicyLoader.defaults()).plan(pm, TODAY, null);
        assertEquals(List.of("Alert on replica lag above 60 s", "Add a dashboard for lag"),
                plan.tickets().stream().map(DesiredTicket::summary).toList());
        assertEquals("one desired ticket per action id", plan.tickets().size(),
                plan.tickets().stream().map(DesiredTicket::actionId).distinct().count());
        assertEquals(pm.actionItems().get(0).id(), pm.actionItems().get(2).id());
    }
}
