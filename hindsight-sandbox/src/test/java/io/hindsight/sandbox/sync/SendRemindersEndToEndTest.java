package io.hindsight.sandbox.sync;

import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.adapter.JiraPostMortemStore;
import io.hindsight.atlassian.adapter.JiraTicketTracker;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.core.remind.Reminders;
import io.hindsight.core.usecase.SendReminders;
import io.hindsight.core.usecase.SendReminders.Sent;
import io.hindsight.sandbox.site.Flavor;
import io.hindsight.sandbox.Sandbox;
import io.hindsight.sandbox.SandboxTestClients;
import io.hindsight.sandbox.jira.JiraState;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Reminders end to end, through the REST adapters against the sandbox: the right tickets, once per milestone. */
public class SendRemindersEndToEndTest {
    private static Clock on(String day) {
        return Clock.fixed(Instant.parse(day + "T08:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    public void dueSoonAndOverdueTicketsAreRemindedOncePerMilestone() {
        try (Sandbox sandbox = Sandbox.start(Flavor.DATA_CENTER, 0)) {
            JiraClient jira = new SandboxTestClients(sandbox).jira();
            LocalDate today = LocalDate.of(2026, 11, 26);
            String soon = ticket(jira, "Due tomorrow", today.plusDays(1), "maria");
            String late = ticket(jira, "Three days late", today.minusDays(3), "kenji");
            String veryLate = ticket(jira, "Ten days late", today.minusDays(10), null);
            ticket(jira, "Due next month", today.plusDays(30), "lee");
            String done = ticket(jira, "Late but done", today.minusDays(5), "dana");
            jira.transition(done, "31");

            List<Sent> first = sweep(jira, on("2026-11-26")).run();
            assertEquals(List.of(new Sent(veryLate, Reminders.Milestone.OVERDUE_A_WEEK),
                    new Sent(late, Reminders.Milestone.OVERDUE), new Sent(soon, Reminders.Milestone.DUE_SOON)), first);
            synchronized (sandbox.jira()) {
                JiraState.Issue i = sandbox.jira().issuesByKey.get(soon);
                assertTrue(i.comments.get(0).body().asText().contains("Maria Garcia"));
                assertTrue("the owner is mentioned, so Jira notifies her: " + i.comments.get(0).body().asText(),
                        i.comments.get(0).body().asText().startsWith("[~maria]\n\n"));
                assertTrue(i.labels().contains("hindsight-reminded-due-soon"));
            }
            assertEquals("the same day again: nothing new", List.of(), sweep(jira, on("2026-11-26")).run());
            assertEquals("two days later the first one is overdue", List.of(new Sent(soon, Reminders.Milestone.OVERDUE)),
                    sweep(jira, on("2026-11-28")).run());
        }
    }

    @Test
    public void aWeekOverdueTheOwnerAndThePostMortemsApproversAreMentioned() {
        for (Flavor flavor : Flavor.values()) {
            try (Sandbox sandbox = Sandbox.start(flavor, 0)) {
                SandboxTestClients clients = new SandboxTestClients(sandbox);
                JiraClient jira = clients.jira();
                var provisioner = new io.hindsight.atlassian.provision.Provisioner(jira, clients.agile(), clients.confluence());
                var ids = provisioner.apply(provisioner.plan(io.hindsight.atlassian.provision.ProvisioningSpec.defaults("PM", "postmortem-action", "OPS")));
                var policy = io.hindsight.core.plan.SloPolicyLoader.defaults();
                JiraPostMortemStore store = new JiraPostMortemStore(jira, ids, policy.actionClasses());
                JiraTicketTracker tracker = new JiraTicketTracker(jira, ids);
                String pm = store.create("PM", new io.hindsight.core.markdown.MarkdownReader(policy.actionClasses()).read(
                        "---\ntitle: Queue backlog\nseverity: SEV2\napprovers: [priya, lee]\n---\n## Summary\n\nThe queue backed up.\n", "pm.md").postMortem()).key().value();
                String late = jira.create(new JiraModel.NewIssue("OPS", "Task", "Ten days late", null, null, tracker.userId("maria").orElseThrow(),
                        LocalDate.of(2026, 11, 16), List.of("postmortem-action"), Map.of(), List.of(new JiraModel.NewLink(ids.linkTypeName(), pm)), Map.of())).key();

                new SendReminders(tracker, store, "postmortem-action", on("2026-11-26")).run();
                String body;
                synchronized (sandbox.jira()) {
                    body = sandbox.jira().issuesByKey.get(late).comments.get(0).body().toString();
                }
                List<String> expected = List.of(tracker.userId("maria").orElseThrow(), tracker.userId("priya").orElseThrow(), tracker.userId("lee").orElseThrow());
                for (String id : expected) {
                    String mention = flavor == Flavor.DATA_CENTER ? "[~" + id + "]" : "{\"type\":\"mention\",\"attrs\":{\"id\":\"" + id + "\"";
                    assertTrue(flavor + ": " + mention + " in " + body, body.contains(mention));
                }
                assertTrue(body, body.contains("approvers are asked"));
            }
        }
    }

    /** A pass that mentions owners only (no post-mortem store: approvers are not read). */
    private static SendReminders sweep(JiraClient jira, Clock clock) {
        return new SendReminders(new JiraTicketTracker(jira, new ProvisionedIds(null, Map.of(), "Remediation", null, null, null)), "postmortem-action", clock);
    }

    private static String ticket(JiraClient jira, String summary, LocalDate due, String owner) {
        return jira.create(new JiraModel.NewIssue("OPS", "Task", summary, null, null, owner, due, List.of("postmortem-action"), Map.of(), List.of(), Map.of())).key();
    }
}
