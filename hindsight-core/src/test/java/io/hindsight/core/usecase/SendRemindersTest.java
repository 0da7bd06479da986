package io.hindsight.core.usecase;

import io.hindsight.core.fake.InMemoryJira;
import io.hindsight.core.fake.InMemorySite;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.port.Person;
import io.hindsight.core.port.Schema;
import io.hindsight.core.remind.Reminders;
import org.junit.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Reminders against Jira in memory: which tickets, once per milestone, and who is mentioned. */
public class SendRemindersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    public void dueSoonAndOverdueTicketsAreRemindedOncePerMilestone() {
        InMemorySite site = new InMemorySite("2026-11-26T08:00:00Z");
        InMemoryJira jira = site.jira;
        String soon = jira.createTicket("OPS", "Due tomorrow", TODAY.plusDays(1), "maria", List.of(Schema.TICKET_LABEL), null);
        String late = jira.createTicket("OPS", "Three days late", TODAY.minusDays(3), "kenji", List.of(Schema.TICKET_LABEL), null);
        jira.createTicket("OPS", "Due next month", TODAY.plusDays(30), "lee", List.of(Schema.TICKET_LABEL), null);
        jira.createTicket("OPS", "Not a remediation ticket", TODAY.minusDays(3), "lee", List.of(), null);
        String done = jira.createTicket("OPS", "Late but done", TODAY.minusDays(5), "dana", List.of(Schema.TICKET_LABEL), null);
        jira.close(done);

        List<SendReminders.Sent> first = site.reminders().run();
        assertEquals(List.of(new SendReminders.Sent(late, Reminders.Milestone.OVERDUE), new SendReminders.Sent(soon, Reminders.Milestone.DUE_SOON)), first);
        assertTrue(jira.issue(soon).comments.get(0), jira.issue(soon).comments.get(0).contains("Owner: Maria Garcia."));
        assertEquals("the owner is mentioned, so the tracker notifies her", List.of(new Person("maria", "Maria Garcia")), jira.issue(soon).mentions.get(0));
        assertTrue("the milestone is kept as a label", jira.issue(soon).labels.contains(Reminders.Milestone.DUE_SOON.label()));

        assertEquals("the same day again: nothing new", List.of(), site.reminders().run());
        site.clock.advance(Duration.ofDays(2));
        assertEquals("two days later the first one is overdue", List.of(new SendReminders.Sent(soon, Reminders.Milestone.OVERDUE)), site.reminders().run());
    }

    @Test
    public void aWeekOverdueThePostMortemsApproversAreMentionedToo() {
        InMemorySite site = new InMemorySite("2026-11-26T08:00:00Z");
        IssueKey pm = site.postMortem("---\ntitle: Queue backlog\nseverity: SEV2\napprovers: [priya, nobody-we-know, lee]\n---\n## Summary\n\nThe queue backed up.\n");
        String late = site.jira.createTicket("OPS", "Ten days late", TODAY.minusDays(10), "maria", List.of(Schema.TICKET_LABEL), pm.value());
        assertEquals(List.of(new SendReminders.Sent(late, Reminders.Milestone.OVERDUE_A_WEEK)), site.reminders().run());
        assertEquals("the owner, then the approvers the tracker knows", List.of(new Person("maria", "Maria Garcia"), new Person("priya", "priya"), new Person("lee", "lee")),
                site.jira.issue(late).mentions.get(0));
        assertTrue(site.jira.issue(late).comments.get(0).contains("It remediates " + pm + "."));
    }
}
