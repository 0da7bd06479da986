package io.hindsight.core.usecase;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.port.DueTicket;
import io.hindsight.core.port.Person;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.TicketChange;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.remind.Reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over open remediation tickets that are due soon or overdue: a comment per milestone, once.
 * What was sent is kept as a label on the ticket, so the next pass sees it in the same search.
 */
public final class SendReminders {
    /** @param ticket the reminded ticket, {@code milestone} what it was told */
    public record Sent(String ticket, Reminders.Milestone milestone) {
    }

    private final TicketTracker tracker;
    private final PostMortemStore store;
    private final String remediationLabel;
    private final Clock clock;

    /** Mentions owners only (the post-mortems' approvers are not read). */
    public SendReminders(TicketTracker tracker, String remediationLabel, Clock clock) {
        this(tracker, null, remediationLabel, clock);
    }

    /** @param store where a ticket's post-mortem names its approvers, mentioned when the ticket is overdue a week */
    public SendReminders(TicketTracker tracker, PostMortemStore store, String remediationLabel, Clock clock) {
        this.tracker = tracker;
        this.store = store;
        this.remediationLabel = remediationLabel;
        this.clock = clock;
    }

    public List<Sent> run() {
        LocalDate today = LocalDate.now(clock);
        List<Sent> sent = new ArrayList<>();
        Map<String, List<Person>> approvers = new HashMap<>();
        // the due date is compared with a literal day, so a pass means the same whatever the tracker's clock says
        for (DueTicket t : tracker.dueBy(remediationLabel, today.plusDays(2))) {
            Set<Reminders.Milestone> already = EnumSet.noneOf(Reminders.Milestone.class);
            t.labels().forEach(l -> Reminders.Milestone.fromLabel(l).ifPresent(already::add));
            Optional<Reminders.Milestone> m = Reminders.due(t.due(), today, already);
            if (m.isEmpty()) continue;
            String owner = t.assignee() == null ? null : t.assignee().displayName();
            // mentions make the tracker notify people; a comment alone reaches only watchers
            List<Person> mention = new ArrayList<>();
            if (t.assignee() != null) mention.add(t.assignee());
            if (m.get() == Reminders.Milestone.OVERDUE_A_WEEK && t.postMortem() != null) {
                for (Person a : approvers.computeIfAbsent(t.postMortem(), this::approvers)) {
                    if (mention.stream().noneMatch(u -> u.id().equals(a.id()))) mention.add(a);
                }
            }
            // comment before label: if the label write fails the next pass repeats the reminder, which beats losing it
            IssueKey ticket = IssueKey.of(t.key());
            tracker.comment(ticket, Reminders.message(m.get(), t.key(), t.due(), owner, t.postMortem(), today), mention);
            tracker.update(TicketChange.addLabels(t.key(), List.of(m.get().label())));
            sent.add(new Sent(t.key(), m.get()));
        }
        return sent;
    }

    /** The people who approve a post-mortem, as the tracker knows them; a name it does not know is left out. */
    private List<Person> approvers(String postMortem) {
        if (store == null || !IssueKey.isKey(postMortem)) return List.of();
        List<Person> people = new ArrayList<>();
        store.load(IssueKey.of(postMortem)).ifPresent(s -> {
            // looked up: a mention of a name Jira does not know notifies nobody
            for (String name : s.postMortem().approvers()) tracker.findUser(name).ifPresent(u -> people.add(new Person(u.id(), name)));
        });
        return people;
    }
}
