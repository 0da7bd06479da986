package io.hindsight.core.fake;

import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.model.State;
import io.hindsight.core.model.SyncState;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.port.CreatedTicket;
import io.hindsight.core.port.CreatedTickets;
import io.hindsight.core.port.DueTicket;
import io.hindsight.core.port.Person;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.Schema;
import io.hindsight.core.port.TicketChange;
import io.hindsight.core.port.TicketTracker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jira in memory, behind both ports, keeping Jira's rules where they matter to Hindsight: a bulk create
 * checks each element (the project must exist, the assignee must be a user) and creates the rest; creating
 * is never idempotent (the same request twice makes two tickets); links, labels and entity properties are
 * set in the create itself; keys count up per project. It counts reads and writes, and {@link Faults}
 * can fail any call.
 */
public final class InMemoryJira extends CountedFake implements PostMortemStore, TicketTracker {
    /** An issue as this Jira keeps it. */
    public static final class Issue {
        public final String key;
        public final String type;
        public String summary;
        public PostMortem postMortem;
        public SyncState state;
        public String actionProperty;
        public String assignee;
        public LocalDate due;
        public String priority;
        public boolean done;
        public final Set<String> labels = new LinkedHashSet<>();
        /** Keys of the post-mortems this ticket remediates. */
        public final List<String> remediates = new ArrayList<>();
        public final List<String> comments = new ArrayList<>();
        public final List<List<Person>> mentions = new ArrayList<>();

        Issue(String key, String type) {
            this.key = key;
            this.type = type;
        }
    }

    private final Map<String, Issue> issues = new LinkedHashMap<>();
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Set<String> projects;
    private final Map<String, String> users = new HashMap<>();

    /** @param projects the projects that exist; {@code users} names the people (name to display name) */
    public InMemoryJira(Set<String> projects, Map<String, String> users, Faults faults) {
        super(faults);
        this.projects = Set.copyOf(projects);
        this.users.putAll(users);
    }

    public static InMemoryJira withDefaults(Faults faults) {
        return new InMemoryJira(Set.of("PM", "OPS", "DB"), Map.of("maria", "Maria Garcia", "kenji", "Kenji Sato", "priya", "Priya Nair", "lee", "Lee Chen",
                "dana", "Dana Levi", "alice", "Alice Moreau"), faults);
    }

    // ---- what tests look at and do, as a person in Jira would ------------------------------------------

    public synchronized Issue issue(String key) {
        return issues.get(key);
    }

    /** The remediation tickets in a project. */
    public synchronized List<Issue> tickets(String project) {
        return issues.values().stream().filter(i -> i.type.equals(Schema.TICKET_TYPE) && i.key.startsWith(project + "-")).toList();
    }

    public synchronized List<Issue> allTickets() {
        return issues.values().stream().filter(i -> i.type.equals(Schema.TICKET_TYPE)).toList();
    }

    /** A person moves the post-mortem through its workflow. */
    public synchronized void setState(String key, State state) {
        Issue i = issues.get(key);
        PostMortem p = i.postMortem;
        i.postMortem = new PostMortem(p.key(), p.title(), p.severity(), state, p.times(), p.approved(), p.services(), p.authors(), p.approvers(), p.template(),
                p.sections(), p.fiveWhys(), p.contributingFactors(), p.timeline(), p.actionItems(), p.metadata());
    }

    /** A person closes a ticket. */
    public synchronized void close(String key) {
        issues.get(key).done = true;
    }

    /** A ticket made by hand, as a person would, e.g. one a reminder should find. */
    public synchronized String createTicket(String project, String summary, LocalDate due, String assignee, List<String> labels, String remediates) {
        Issue t = newIssue(project, Schema.TICKET_TYPE);
        t.summary = summary;
        t.due = due;
        t.assignee = assignee;
        t.labels.addAll(labels);
        if (remediates != null) t.remediates.add(remediates);
        return t.key;
    }

    // ---- PostMortemStore ----------------------------------------------------------------------------

    @Override
    public synchronized Optional<Stored> load(IssueKey key) {
        read("load");
        Issue i = issues.get(key.value());
        if (i == null || !i.type.equals(Schema.POST_MORTEM_TYPE)) return done("load", Optional.empty());
        return done("load", Optional.of(new Stored(i.postMortem, i.state)));
    }

    @Override
    public synchronized IssueKey create(String project, PostMortem postMortem) {
        write("createPostMortem");
        if (!projects.contains(project)) throw new IllegalArgumentException("project: project is required");
        Issue i = newIssue(project, Schema.POST_MORTEM_TYPE);
        i.summary = postMortem.title();
        i.postMortem = postMortem.withKey(i.key);
        i.state = SyncState.NONE;
        i.labels.add(Schema.POST_MORTEM_LABEL);
        return done("createPostMortem", IssueKey.of(i.key));
    }

    @Override
    public synchronized void update(IssueKey key, PostMortem postMortem) {
        write("updatePostMortem");
        Issue i = existing(key.value());
        i.summary = postMortem.title();
        // the workflow status is Jira's, not the file's; the approval date is kept unless the file gives one
        PostMortem keep = i.postMortem;
        i.postMortem = postMortem.withKey(i.key);
        if (i.postMortem.approved() == null && keep.approved() != null) i.postMortem = i.postMortem.withApproved(keep.approved());
        if (keep.state() != i.postMortem.state()) setStateUnlogged(i, keep.state());
        done("updatePostMortem", null);
    }

    private void setStateUnlogged(Issue i, State state) {
        PostMortem p = i.postMortem;
        i.postMortem = new PostMortem(p.key(), p.title(), p.severity(), state, p.times(), p.approved(), p.services(), p.authors(), p.approvers(), p.template(),
                p.sections(), p.fiveWhys(), p.contributingFactors(), p.timeline(), p.actionItems(), p.metadata());
    }

    @Override
    public synchronized void saveState(IssueKey key, SyncState state) {
        write("saveState");
        existing(key.value()).state = state;
        done("saveState", null);
    }

    @Override
    public synchronized void recordApproval(IssueKey key, LocalDate day) {
        write("recordApproval");
        Issue i = existing(key.value());
        i.postMortem = i.postMortem.withApproved(day);
        done("recordApproval", null);
    }

    @Override
    public synchronized void comment(IssueKey key, String markdown) {
        write("comment");
        existing(key.value()).comments.add(markdown);
        done("comment", null);
    }

    @Override
    public synchronized List<PostMortem> find(String jql, int limit) {
        read("find");
        if (jql != null) throw new UnsupportedOperationException("this in-memory Jira has no JQL; give null for every post-mortem");
        return done("find", postMortems().stream().limit(limit).map(i -> i.postMortem).toList());
    }

    @Override
    public synchronized List<IssueKey> findKeys(String jql, int limit) {
        read("findKeys");
        if (jql != null) throw new UnsupportedOperationException("this in-memory Jira has no JQL; give null for every post-mortem");
        return done("findKeys", postMortems().stream().limit(limit).map(i -> IssueKey.of(i.key)).toList());
    }

    private List<Issue> postMortems() {
        return issues.values().stream().filter(i -> i.type.equals(Schema.POST_MORTEM_TYPE)).sorted(Comparator.comparing(i -> IssueKey.of(i.key))).toList();
    }

    // ---- TicketTracker ------------------------------------------------------------------------------

    @Override
    public synchronized List<RemediationTicket> tickets(IssueKey postMortem) {
        read("tickets");
        return done("tickets", ticketsOf(postMortem.value()));
    }

    @Override
    public synchronized Map<IssueKey, List<RemediationTicket>> tickets(List<IssueKey> postMortems) {
        read("ticketsOfMany");
        Map<IssueKey, List<RemediationTicket>> out = new LinkedHashMap<>();
        postMortems.forEach(k -> out.put(k, ticketsOf(k.value())));
        return done("ticketsOfMany", out);
    }

    private List<RemediationTicket> ticketsOf(String postMortem) {
        return issues.values().stream().filter(i -> i.remediates.contains(postMortem)).sorted(Comparator.comparing(i -> IssueKey.of(i.key)))
                .map(InMemoryJira::ticket).toList();
    }

    private static RemediationTicket ticket(Issue t) {
        String actionId = t.labels.stream().filter(l -> l.startsWith(Schema.ACTION_LABEL_PREFIX)).map(l -> l.substring(Schema.ACTION_LABEL_PREFIX.length()))
                .findFirst().orElse(t.actionProperty);
        return new RemediationTicket(t.key, actionId, t.summary, t.assignee, t.due, t.priority, List.copyOf(t.labels), t.done);
    }

    @Override
    public synchronized CreatedTickets create(IssueKey postMortem, List<DesiredTicket> tickets) {
        write("createTickets");
        List<CreatedTicket> created = new ArrayList<>();
        List<CreatedTickets.Refusal> refused = new ArrayList<>();
        for (DesiredTicket d : tickets) {
            String assignee = d.owner() == null ? null : userId(d.owner()).orElse(null);
            if (!projects.contains(d.project())) {
                refused.add(new CreatedTickets.Refusal(d, "project", "project is required"));
                continue;
            }
            if (d.owner() != null && assignee == null) {
                refused.add(new CreatedTickets.Refusal(d, "assignee", "User '" + d.owner() + "' does not exist."));
                continue;
            }
            Issue t = newIssue(d.project(), Schema.TICKET_TYPE);
            t.summary = d.summary();
            t.assignee = assignee;
            t.due = d.due();
            t.priority = d.priority();
            t.labels.addAll(d.labels());
            t.labels.add(Schema.ACTION_LABEL_PREFIX + d.actionId());
            t.actionProperty = d.actionId();
            t.remediates.add(postMortem.value());
            created.add(new CreatedTicket(d.actionId(), t.key));
        }
        return done("createTickets", new CreatedTickets(created, refused));
    }

    @Override
    public synchronized void update(TicketChange c) {
        write("updateTicket");
        Issue t = existing(c.ticketKey());
        if (c.summary() != null) t.summary = c.summary();
        if (c.owner() != null) t.assignee = c.owner();
        if (c.due() != null) t.due = c.due();
        if (c.priority() != null) t.priority = c.priority();
        t.labels.addAll(c.addLabels());
        done("updateTicket", null);
    }

    @Override
    public synchronized void moveToDone(IssueKey ticket) {
        write("moveToDone");
        existing(ticket.value()).done = true;
        done("moveToDone", null);
    }

    /** As Data Center: the user name is the id, for the names Jira knows. */
    @Override
    public synchronized Optional<String> userId(String ownerName) {
        return users.containsKey(ownerName) ? Optional.of(ownerName) : Optional.empty();
    }

    @Override
    public synchronized List<DueTicket> dueBy(String label, LocalDate day) {
        read("dueBy");
        return done("dueBy", issues.values().stream().filter(i -> i.labels.contains(label) && !i.done && i.due != null && !i.due.isAfter(day))
                .sorted(Comparator.comparing((Issue i) -> i.due))
                .map(i -> new DueTicket(i.key, i.due, List.copyOf(i.labels), i.assignee == null ? null : new Person(i.assignee, users.get(i.assignee)),
                        i.remediates.isEmpty() ? null : i.remediates.get(0)))
                .toList());
    }

    @Override
    public synchronized void comment(IssueKey ticket, String markdown, List<Person> mention) {
        write("commentTicket");
        Issue t = existing(ticket.value());
        t.comments.add(markdown);
        t.mentions.add(List.copyOf(mention));
        done("commentTicket", null);
    }

    // ---- bookkeeping ---------------------------------------------------------------------------------

    private Issue newIssue(String project, String type) {
        int n = lastNumber.merge(project, 1, Integer::sum);
        Issue i = new Issue(project + "-" + n, type);
        issues.put(i.key, i);
        return i;
    }

    private Issue existing(String key) {
        Issue i = issues.get(key);
        if (i == null) throw new IllegalArgumentException("404 Issue Does Not Exist: " + key);
        return i;
    }

    private void read(String call) {
        calls.read(call);
    }

    private void write(String call) {
        calls.write(call);
    }

    private <T> T done(String call, T result) {
        return calls.done(call, result);
    }
}
