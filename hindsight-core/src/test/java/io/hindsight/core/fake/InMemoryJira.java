package io.hindsight.core.fake;

import io.hindsight.core.markdown.MarkdownReader;
import io.hindsight.core.markdown.MarkdownWriter;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.model.State;
import io.hindsight.core.model.SyncState;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.plan.SloPolicyLoader;
import io.hindsight.core.port.CreatedTicket;
import io.hindsight.core.port.CreatedTickets;
import io.hindsight.core.port.DueTicket;
import io.hindsight.core.port.OutcomeUnknown;
import io.hindsight.core.port.Person;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.Schema;
import io.hindsight.core.port.TicketChange;
import io.hindsight.core.port.TicketTracker;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jira in memory, behind both ports, keeping Jira's rules where they matter to Hindsight, as a Data Center
 * site has them:
 * <ul>
 * <li>a bulk create checks each element (the project must exist and offer the issue type, the assignee must be a
 * user) and creates the rest; creating is never idempotent (the same request twice makes two tickets); links,
 * labels and entity properties are set in the create itself; keys count up per project;</li>
 * <li>a post-mortem's sections are held as Markdown, as in its fields, so what is read back is what a reader makes
 * of that text (waivers and their lines included);</li>
 * <li>issues have types, and a post-mortem is only what has the post-mortem type and no action id;</li>
 * <li>each project has a workflow: transitions go between statuses, and reaching done may take several steps or be
 * impossible;</li>
 * <li>assignees are user names, sent as they are: Jira refuses one it does not know when the ticket is created;</li>
 * <li>comments carry hidden marks (comment properties).</li>
 * </ul>
 * It counts reads and writes, and {@link Faults} can fail any call, lose its answer, or make a create land late.
 */
public final class InMemoryJira extends CountedFake implements PostMortemStore, TicketTracker {
    /** A workflow: statuses (name to whether it is in the done category) and transitions between them. */
    public record Workflow(String name, Map<String, Boolean> statuses, List<Transition> transitions) {
        /** @param from the statuses it leaves; empty: from any (a global transition) */
        public record Transition(Set<String> from, String to) {
        }

        public static final Workflow SIMPLIFIED = new Workflow("simplified", defaultStatuses(), List.of(
                new Transition(Set.of(), "To Do"), new Transition(Set.of(), "In Progress"), new Transition(Set.of(), "Done")));
        /** To Do, then In Progress, then Done: no direct way from To Do to Done. */
        public static final Workflow STEPWISE = new Workflow("stepwise", defaultStatuses(), List.of(
                new Transition(Set.of("To Do"), "In Progress"), new Transition(Set.of("In Progress"), "To Do"),
                new Transition(Set.of("In Progress"), "Done"), new Transition(Set.of("Done"), "To Do")));
        /** A review workflow whose tickets never reach a done status. */
        public static final Workflow NO_DONE = new Workflow("review", defaultStatuses(), List.of(
                new Transition(Set.of("To Do"), "In Progress"), new Transition(Set.of("In Progress"), "To Do")));

        private static Map<String, Boolean> defaultStatuses() {
            Map<String, Boolean> s = new LinkedHashMap<>();
            s.put("To Do", false);
            s.put("In Progress", false);
            s.put("Done", true);
            return s;
        }

        /** The shortest way from {@code status} to a done status, at most {@code steps} transitions; empty when there is none. */
        Optional<List<String>> wayToDone(String status, int steps) {
            Map<String, String> cameFrom = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>(List.of(status));
            cameFrom.put(status, null);
            Map<String, Integer> depth = new HashMap<>(Map.of(status, 0));
            while (!queue.isEmpty()) {
                String at = queue.poll();
                if (statuses.getOrDefault(at, false)) {
                    List<String> path = new ArrayList<>();
                    for (String s = at; !s.equals(status); s = cameFrom.get(s)) path.add(0, s);
                    return Optional.of(path);
                }
                if (depth.get(at) == steps) continue;
                for (Transition t : transitions) {
                    if ((t.from().isEmpty() || t.from().contains(at)) && !cameFrom.containsKey(t.to())) {
                        cameFrom.put(t.to(), at);
                        depth.put(t.to(), depth.get(at) + 1);
                        queue.add(t.to());
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** An issue as this Jira keeps it. */
    public static final class Issue {
        public final String key;
        public final String type;
        public final Instant created;
        public String summary;
        public String description;
        public PostMortem postMortem;
        public SyncState state;
        public String actionProperty;
        public String assignee;
        public LocalDate due;
        public String priority;
        public String status = "To Do";
        public String resolution;
        public boolean done;
        public final Set<String> labels = new LinkedHashSet<>();
        /** Keys of the post-mortems this ticket remediates. */
        public final List<String> remediates = new ArrayList<>();
        /** Keys of the tickets this one duplicates (Jira's Duplicate link). */
        public final List<String> duplicates = new ArrayList<>();
        public final List<String> comments = new ArrayList<>();
        public final List<String> commentMarks = new ArrayList<>();
        public final List<List<Person>> mentions = new ArrayList<>();

        Issue(String key, String type, Instant created) {
            this.key = key;
            this.type = type;
            this.created = created;
        }
    }

    /** Jira's answer for a create request that is carried out later. */
    private record Landing(Instant at, IssueKey postMortem, List<DesiredTicket> tickets) {
    }

    private static final int MAX_STEPS = 5;
    private final Map<String, Issue> issues = new LinkedHashMap<>();
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Map<String, List<String>> projects = new LinkedHashMap<>();
    private final Map<String, Workflow> workflows = new HashMap<>();
    private final Map<String, String> users = new HashMap<>();
    private final Faults faults;
    private final Clock clock;
    private final MarkdownReader reader;
    private final List<Landing> landings = new ArrayList<>();

    /** @param projects the projects that exist (each offers the usual issue types); {@code users} names the people (name to display name) */
    public InMemoryJira(Set<String> projects, Map<String, String> users, Faults faults) {
        this(projects, users, faults, Clock.systemUTC());
    }

    public InMemoryJira(Set<String> projects, Map<String, String> users, Faults faults, Clock clock) {
        super(faults);
        this.faults = faults;
        this.clock = clock;
        projects.forEach(p -> this.projects.put(p, List.of(Schema.POST_MORTEM_TYPE, Schema.TICKET_TYPE, "Bug", "Story")));
        this.users.putAll(users);
        this.reader = new MarkdownReader(SloPolicyLoader.defaults().actionClasses());
    }

    public static InMemoryJira withDefaults(Faults faults) {
        return withDefaults(faults, Clock.systemUTC());
    }

    public static InMemoryJira withDefaults(Faults faults, Clock clock) {
        return new InMemoryJira(Set.of("PM", "OPS", "DB"), Map.of("maria", "Maria Garcia", "kenji", "Kenji Sato", "priya", "Priya Nair", "lee", "Lee Chen",
                "dana", "Dana Levi", "alice", "Alice Moreau"), faults, clock);
    }

    // ---- what tests look at and do, as a person (or an admin) in Jira would ----------------------------

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

    /** A project offers these issue types only. */
    public synchronized void project(String key, List<String> issueTypes) {
        projects.put(key, List.copyOf(issueTypes));
    }

    /** A project's tickets go through this workflow. */
    public synchronized void useWorkflow(String project, Workflow workflow) {
        workflows.put(project, workflow);
    }

    /** A person moves the post-mortem through its workflow. */
    public synchronized void setState(String key, State state) {
        setStateUnlogged(issues.get(key), state);
    }

    /** A person edits the post-mortem's fields in Jira (its workflow status and approval date stay). */
    public synchronized void edit(String key, PostMortem postMortem) {
        Issue i = existing(key);
        PostMortem next = postMortem.withKey(i.key);
        if (next.approved() == null && i.postMortem.approved() != null) next = next.withApproved(i.postMortem.approved());
        i.summary = next.title();
        i.postMortem = withState(next, i.postMortem.state());
    }

    /** A person closes a ticket. */
    public synchronized void close(String key) {
        Issue i = issues.get(key);
        i.done = true;
        i.status = "Done";
    }

    /** A person moves a ticket to a status. */
    public synchronized void moveTo(String key, String status) {
        Issue i = issues.get(key);
        i.status = status;
        i.done = workflowOf(i).statuses().getOrDefault(status, false);
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

    /** An issue of any type made by hand (a task, a bug). */
    public synchronized String createIssue(String project, String type, String summary) {
        Issue t = newIssue(project, type);
        t.summary = summary;
        return t.key;
    }

    // ---- PostMortemStore ----------------------------------------------------------------------------

    @Override
    public synchronized Optional<Stored> load(IssueKey key) {
        read("load");
        Issue i = issues.get(key.value());
        return done("load", Optional.ofNullable(i).map(this::stored));
    }

    /** The issue as a load reads it: a post-mortem from the Markdown its fields hold. */
    private Stored stored(Issue i) {
        boolean ticket = i.actionProperty != null || !i.remediates.isEmpty() || i.labels.stream().anyMatch(l -> l.startsWith(Schema.ACTION_LABEL_PREFIX));
        Kind kind = ticket ? Kind.REMEDIATION_TICKET : i.type.equals(Schema.POST_MORTEM_TYPE) ? Kind.POST_MORTEM : Kind.OTHER;
        if (i.postMortem == null) {
            PostMortem bare = new PostMortem(i.key, i.summary, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            return new Stored(IssueKey.of(i.key), kind, i.type, bare, "---\ntitle: \"" + i.summary + "\"\n---\n", i.state == null ? SyncState.NONE : i.state);
        }
        String markdown = new MarkdownWriter().write(i.postMortem);
        return new Stored(IssueKey.of(i.key), kind, i.type, reader.read(markdown, i.key).postMortem(), markdown, i.state);
    }

    @Override
    public synchronized Stored create(String project, PostMortem postMortem) {
        write("createPostMortem");
        if (!projects.containsKey(project)) throw new IllegalArgumentException("project: project is required");
        Issue i = newIssue(project, Schema.POST_MORTEM_TYPE);
        i.summary = postMortem.title();
        i.postMortem = postMortem.withKey(i.key);
        i.state = SyncState.NONE;
        i.labels.add(Schema.POST_MORTEM_LABEL);
        return done("createPostMortem", stored(i));
    }

    @Override
    public synchronized Stored update(Stored current, PostMortem postMortem) {
        Issue i = existing(current.key().value());
        // the workflow status is Jira's, not the file's; the approval date is kept unless the file gives one
        PostMortem keep = i.postMortem;
        PostMortem next = postMortem.withKey(i.key);
        if (next.approved() == null && keep.approved() != null) next = next.withApproved(keep.approved());
        next = withState(next, keep.state());
        if (stored(next, i).equals(stored(i).postMortem())) return stored(i);
        write("updatePostMortem");
        i.summary = postMortem.title();
        i.postMortem = next;
        done("updatePostMortem", null);
        return stored(i);
    }

    private PostMortem stored(PostMortem pm, Issue i) {
        return reader.read(new MarkdownWriter().write(pm), i.key).postMortem();
    }

    private static PostMortem withState(PostMortem p, State state) {
        return new PostMortem(p.key(), p.title(), p.severity(), state, p.times(), p.approved(), p.services(), p.authors(), p.approvers(), p.template(),
                p.sections(), p.fiveWhys(), p.contributingFactors(), p.timeline(), p.actionItems(), p.metadata());
    }

    private void setStateUnlogged(Issue i, State state) {
        i.postMortem = withState(i.postMortem, state);
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
    public synchronized void comment(IssueKey key, String markdown, String mark) {
        write("comment");
        Issue i = existing(key.value());
        i.comments.add(markdown);
        i.commentMarks.add(mark);
        done("comment", null);
    }

    @Override
    public synchronized boolean commented(IssueKey key, String mark) {
        read("commented");
        return done("commented", existing(key.value()).commentMarks.contains(mark));
    }

    @Override
    public synchronized List<PostMortem> find(String jql, int limit) {
        read("find");
        if (jql != null) throw new UnsupportedOperationException("this in-memory Jira has no JQL; give null for every post-mortem");
        return done("find", postMortems().stream().limit(limit).map(i -> stored(i).postMortem()).toList());
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
        return new RemediationTicket(t.key, actionId, t.summary, t.assignee, t.due, t.priority, List.copyOf(t.labels), t.done, t.status);
    }

    @Override
    public synchronized Map<String, Project> projects(Collection<String> keys) {
        read("projects");
        Map<String, Project> out = new LinkedHashMap<>();
        for (String k : keys) out.put(k, new Project(k, projects.containsKey(k), projects.getOrDefault(k, List.of())));
        return done("projects", out);
    }

    @Override
    public synchronized CreatedTickets create(IssueKey postMortem, List<DesiredTicket> tickets) {
        try {
            write("createTickets");
        } catch (Faults.InjectedFailure e) {
            // a 500 to a create or a lost answer: the client cannot know what happened
            if (e.kind == Faults.Kind.TRANSIENT) throw e;
            throw new OutcomeUnknown(e.getMessage(), e);
        }
        Optional<java.time.Duration> late = faults.lateBy("createTickets");
        if (late.isPresent()) {
            landings.add(new Landing(clock.instant().plus(late.get()), postMortem, List.copyOf(tickets)));
            throw new OutcomeUnknown("no answer to createTickets within the client's timeout; Jira is still working on it", null);
        }
        CreatedTickets result = carryOut(postMortem, tickets);
        try {
            return done("createTickets", result);
        } catch (Faults.InjectedFailure e) {
            throw new OutcomeUnknown(e.getMessage(), e);
        }
    }

    private CreatedTickets carryOut(IssueKey postMortem, List<DesiredTicket> tickets) {
        List<CreatedTicket> created = new ArrayList<>();
        List<CreatedTickets.Refusal> refused = new ArrayList<>();
        for (DesiredTicket d : tickets) {
            if (!projects.containsKey(d.project())) {
                refused.add(new CreatedTickets.Refusal(d, "project", "project is required"));
                continue;
            }
            if (!projects.get(d.project()).contains(Schema.TICKET_TYPE)) {
                refused.add(new CreatedTickets.Refusal(d, "issuetype", "The issue type selected is invalid."));
                continue;
            }
            if (d.owner() != null && !users.containsKey(d.owner())) {
                refused.add(new CreatedTickets.Refusal(d, "assignee", "User '" + d.owner() + "' does not exist."));
                continue;
            }
            Issue t = newIssue(d.project(), Schema.TICKET_TYPE);
            t.summary = d.summary();
            t.description = d.description();
            t.assignee = d.owner();
            t.due = d.due();
            t.priority = d.priority();
            t.labels.addAll(d.labels());
            t.labels.add(Schema.ACTION_LABEL_PREFIX + d.actionId());
            t.actionProperty = d.actionId();
            t.remediates.add(postMortem.value());
            created.add(new CreatedTicket(d.actionId(), t.key));
        }
        return new CreatedTickets(created, refused);
    }

    @Override
    public synchronized void update(TicketChange c) {
        write("updateTicket");
        Issue t = existing(c.ticketKey());
        if (c.owner() != null && !users.containsKey(c.owner())) throw new IllegalArgumentException("400 assignee: User '" + c.owner() + "' does not exist.");
        if (c.summary() != null) t.summary = c.summary();
        if (c.owner() != null) t.assignee = c.owner();
        if (c.due() != null) t.due = c.due();
        if (c.priority() != null) t.priority = c.priority();
        t.labels.addAll(c.addLabels());
        done("updateTicket", null);
    }

    /** The shortest way to a done status in the project's workflow (at most five steps), taken; none, and nothing moves. */
    @Override
    public synchronized Moved moveToDone(IssueKey ticket) {
        Issue t = existing(ticket.value());
        Optional<List<String>> way = workflowOf(t).wayToDone(t.status, MAX_STEPS);
        if (way.isEmpty() || way.get().isEmpty()) {
            read("moveToDone");
            return done("moveToDone", new Moved(t.done, t.status));
        }
        write("moveToDone");
        t.status = way.get().get(way.get().size() - 1);
        t.done = true;
        return done("moveToDone", new Moved(true, t.status));
    }

    @Override
    public synchronized Moved markDuplicate(IssueKey duplicate, IssueKey kept) {
        write("markDuplicate");
        Issue t = existing(duplicate.value());
        if (!t.duplicates.contains(kept.value())) t.duplicates.add(kept.value());
        Optional<List<String>> way = workflowOf(t).wayToDone(t.status, MAX_STEPS);
        if (way.isPresent() && !way.get().isEmpty()) {
            t.status = way.get().get(way.get().size() - 1);
            t.done = true;
            t.resolution = "Duplicate";
        }
        return done("markDuplicate", new Moved(t.done, t.status));
    }

    /** As Data Center: the user name is what one assigns by, sent unchecked; the create refuses a name Jira does not know. */
    @Override
    public synchronized Optional<String> userId(String name) {
        return Optional.of(name);
    }

    @Override
    public synchronized Optional<Person> findUser(String name) {
        read("findUser");
        return done("findUser", users.containsKey(name) ? Optional.of(new Person(name, users.get(name))) : Optional.empty());
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

    private Workflow workflowOf(Issue i) {
        return workflows.getOrDefault(i.key.substring(0, i.key.lastIndexOf('-')), Workflow.SIMPLIFIED);
    }

    private Issue newIssue(String project, String type) {
        int n = lastNumber.merge(project, 1, Integer::sum);
        Issue i = new Issue(project + "-" + n, type, clock.instant());
        issues.put(i.key, i);
        return i;
    }

    private Issue existing(String key) {
        Issue i = issues.get(key);
        if (i == null) throw new IllegalArgumentException("404 Issue Does Not Exist: " + key);
        return i;
    }

    /** Creates whose time has come land before anything else is seen, as Jira finishes them in its own time. */
    private void land() {
        for (java.util.Iterator<Landing> it = landings.iterator(); it.hasNext(); ) {
            Landing l = it.next();
            if (clock.instant().isBefore(l.at())) continue;
            it.remove();
            carryOut(l.postMortem(), l.tickets());
        }
    }

    private void read(String call) {
        land();
        calls.read(call);
    }

    private void write(String call) {
        land();
        calls.write(call);
    }

    private <T> T done(String call, T result) {
        return calls.done(call, result);
    }
}
