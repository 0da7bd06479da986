package io.hindsight.atlassian.sync;

import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.core.render.Jql;
import io.hindsight.core.sync.Reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over open remediation tickets that are due soon or overdue: a comment per milestone, once.
 * What was sent is kept as a label on the ticket, so the next sweep sees it in the same search.
 */
public final class ReminderSweep {
    /** @param ticket the reminded ticket, {@code milestone} what it was told */
    public record Sent(String ticket, Reminders.Milestone milestone) {
    }

    private final JiraClient jira;
    private final String remediationLabel;
    private final Clock clock;
    private final java.util.function.Function<String, List<JiraModel.User>> approversOf;

    /** A sweep that mentions owners only. */
    public ReminderSweep(JiraClient jira, String remediationLabel, Clock clock) {
        this(jira, remediationLabel, clock, postMortem -> List.of());
    }

    /** @param approversOf a post-mortem's approvers, mentioned when one of its tickets is overdue a week ({@link JiraTracker#approvers}) */
    public ReminderSweep(JiraClient jira, String remediationLabel, Clock clock, java.util.function.Function<String, List<JiraModel.User>> approversOf) {
        this.jira = jira;
        this.remediationLabel = remediationLabel;
        this.clock = clock;
        this.approversOf = approversOf;
    }

    public List<Sent> run() {
        LocalDate today = LocalDate.now(clock);
        // the due date is compared with a literal day, so the sweep means the same whatever the server's clock says
        String jql = "labels = " + Jql.quote(remediationLabel) + " AND statusCategory != Done AND duedate <= " + Jql.quote(today.plusDays(2).toString())
                + " ORDER BY duedate ASC";
        List<Sent> sent = new ArrayList<>();
        Map<String, List<JiraModel.User>> approvers = new java.util.HashMap<>();
        for (JiraModel.Issue t : jira.search(jql, List.of("summary", "duedate", "labels", "assignee", "issuelinks"), List.of(), 1000)) {
            Set<Reminders.Milestone> already = EnumSet.noneOf(Reminders.Milestone.class);
            t.labels().forEach(l -> Reminders.Milestone.fromLabel(l).ifPresent(already::add));
            Optional<Reminders.Milestone> m = Reminders.due(t.due(), today, already);
            if (m.isEmpty()) continue;
            String postMortem = t.links().stream().filter(JiraModel.Link::outward).map(JiraModel.Link::otherKey).findFirst().orElse(null);
            String owner = t.assignee() == null ? null : t.assignee().displayName();
            // comment before label: if the label edit fails the next sweep repeats the reminder, which beats losing it
            // mentions make Jira notify people; a comment alone reaches only watchers
            List<JiraModel.User> mention = new ArrayList<>();
            if (t.assignee() != null) mention.add(t.assignee());
            if (m.get() == Reminders.Milestone.OVERDUE_A_WEEK && postMortem != null) {
                for (JiraModel.User a : approvers.computeIfAbsent(postMortem, approversOf)) {
                    if (mention.stream().noneMatch(u -> u.id().equals(a.id()))) mention.add(a);
                }
            }
            jira.comment(t.key(), Reminders.message(m.get(), t.key(), t.due(), owner, postMortem, today), mention);
            jira.edit(t.key(), new JiraModel.IssueEdit(null, null, null, null, null, List.of(m.get().label()), Map.of()));
            sent.add(new Sent(t.key(), m.get()));
        }
        return sent;
    }
}
