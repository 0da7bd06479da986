package io.hindsight.atlassian.adapter;

import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.RemediationTicket;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.port.CreatedTicket;
import io.hindsight.core.port.CreatedTickets;
import io.hindsight.core.port.DueTicket;
import io.hindsight.core.port.OutcomeUnknown;
import io.hindsight.core.port.Person;
import io.hindsight.core.port.Schema;
import io.hindsight.core.port.TicketChange;
import io.hindsight.core.port.TicketTracker;
import io.hindsight.core.render.Jql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remediation tickets as Jira issues over REST. A ticket answers for an action through a label
 * ({@code hindsight-action-<id>}, found by search on both flavours) and an entity property naming the
 * post-mortem and action; both are set in the create request itself, so a ticket is never without them.
 */
public final class JiraTicketTracker implements TicketTracker {
    /** How many post-mortems one ticket search covers: the JQL stays well under Jira's length limits. */
    static final int SEARCH_BATCH = 50;
    private static final List<String> TICKET_FIELDS = List.of("summary", "status", "assignee", "duedate", "priority", "labels");
    /** "project: project is required": Jira names the field before its words. */
    private static final Pattern FIELD_MESSAGE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*): (.*)", Pattern.DOTALL);

    /** How long answers about projects and users are kept: a CLI run, or a few minutes of a service's life. */
    static final java.time.Duration REMEMBERED = java.time.Duration.ofMinutes(10);
    /** The most transitions taken to reach done: a real workflow needs one to three. */
    static final int MAX_STEPS = 5;
    /** Jira's own link type for duplicates ("duplicates" / "is duplicated by"). */
    static final String DUPLICATE_LINK = "Duplicate";
    static final String DUPLICATE_RESOLUTION = "Duplicate";

    private final JiraClient jira;
    private final ProvisionedIds ids;
    private final Remembered<String, Optional<String>> users = new Remembered<>(REMEMBERED);
    private final Remembered<String, Optional<Person>> found = new Remembered<>(REMEMBERED);
    private final Remembered<String, Project> projects = new Remembered<>(REMEMBERED);

    public JiraTicketTracker(JiraClient jira, ProvisionedIds ids) {
        this.jira = jira;
        this.ids = ids;
    }

    @Override
    public List<RemediationTicket> tickets(IssueKey postMortem) {
        String jql = Jql.linkedIssues(postMortem.value(), Schema.LINK_INWARD) + " ORDER BY key";
        return jira.search(jql, TICKET_FIELDS, List.of(Schema.TICKET_PROPERTY), 1000).stream().map(JiraTicketTracker::ticket).toList();
    }

    /** One search per {@value #SEARCH_BATCH} post-mortems ({@code issue in linkedIssues(A, ...) OR ...}), each ticket placed by its link. */
    @Override
    public Map<IssueKey, List<RemediationTicket>> tickets(List<IssueKey> postMortems) {
        Map<IssueKey, List<RemediationTicket>> out = new LinkedHashMap<>();
        postMortems.forEach(k -> out.put(k, new ArrayList<>()));
        Map<String, IssueKey> byKey = new HashMap<>();
        postMortems.forEach(k -> byKey.put(k.value(), k));
        List<String> fields = new ArrayList<>(TICKET_FIELDS);
        fields.add("issuelinks");
        for (int from = 0; from < postMortems.size(); from += SEARCH_BATCH) {
            List<IssueKey> batch = postMortems.subList(from, Math.min(postMortems.size(), from + SEARCH_BATCH));
            String jql = String.join(" OR ", batch.stream().map(pm -> Jql.linkedIssues(pm.value(), Schema.LINK_INWARD)).toList()) + " ORDER BY key";
            for (JiraModel.Issue t : jira.search(jql, fields, List.of(), 1000 * batch.size())) {
                RemediationTicket ticket = ticket(t);
                t.links().stream().filter(l -> l.type().equals(ids.linkTypeName()) && byKey.containsKey(l.otherKey())).map(JiraModel.Link::otherKey).distinct()
                        .forEach(pm -> out.get(byKey.get(pm)).add(ticket));
            }
        }
        return out;
    }

    /** A remediation ticket as the sync sees it: its action id from the label, else from the entity property. */
    private static RemediationTicket ticket(JiraModel.Issue t) {
        String actionId = t.labels().stream().filter(l -> l.startsWith(Schema.ACTION_LABEL_PREFIX)).map(l -> l.substring(Schema.ACTION_LABEL_PREFIX.length())).findFirst()
                .or(() -> t.property(Schema.TICKET_PROPERTY).flatMap(p -> p.get("actionId"))).orElse(null);
        return new RemediationTicket(t.key(), actionId, t.summary(), t.assignee() == null ? null : t.assignee().id(), t.due(), t.priority(),
                t.labels(), t.statusCategory() == JiraModel.StatusCategory.DONE, t.status());
    }

    /** One read per project not asked about lately ({@code GET /project/{key}} lists the issue types it offers). */
    @Override
    public Map<String, Project> projects(java.util.Collection<String> keys) {
        Map<String, Project> out = new LinkedHashMap<>();
        for (String key : keys) {
            out.put(key, projects.get(key, k -> AtlassianException.NotFound.orEmpty(() -> jira.project(k))
                    .map(p -> new Project(k, true, p.issueTypeNames())).orElse(new Project(k, false, List.of()))));
        }
        return out;
    }

    /** One bulk create (Jira takes 50 a request), links and properties inline; owners are already user ids. */
    @Override
    public CreatedTickets create(IssueKey postMortem, List<DesiredTicket> tickets) {
        List<JiraModel.NewIssue> issues = new ArrayList<>();
        for (DesiredTicket d : tickets) {
            List<String> labels = new ArrayList<>(d.labels());
            labels.add(Schema.ACTION_LABEL_PREFIX + d.actionId());
            issues.add(new JiraModel.NewIssue(d.project(), Schema.TICKET_TYPE, d.summary(), d.description(), d.priority(), d.owner(), d.due(),
                    labels, Map.of(), List.of(new JiraModel.NewLink(ids.linkTypeName(), postMortem.value())),
                    Map.of(Schema.TICKET_PROPERTY, new JiraModel.Property(Map.of("postMortem", postMortem.value(), "actionId", d.actionId())))));
        }
        JiraModel.BulkResult result;
        try {
            result = jira.createAll(issues);
        } catch (AtlassianException.OutcomeUnknown e) {
            throw new OutcomeUnknown(e.getMessage(), e);
        }
        // Jira lists the created issues in request order, leaving out the failed elements
        Set<Integer> failed = new HashSet<>();
        result.errors().forEach(e -> failed.add(e.index()));
        List<CreatedTicket> created = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < tickets.size() && next < result.created().size(); i++) {
            if (!failed.contains(i)) created.add(new CreatedTicket(tickets.get(i).actionId(), result.created().get(next++).key()));
        }
        List<CreatedTickets.Refusal> refused = new ArrayList<>();
        for (JiraModel.BulkError e : result.errors()) {
            Matcher m = FIELD_MESSAGE.matcher(e.message());
            DesiredTicket t = tickets.get(e.index());
            CreatedTickets.Refusal r = m.matches() ? new CreatedTickets.Refusal(t, m.group(1), m.group(2)) : new CreatedTickets.Refusal(t, null, e.message());
            // remembered for the run: a name Jira refused as assignee is not sent again
            if ("assignee".equals(r.field()) && t.owner() != null) users.put(t.owner(), Optional.empty());
            refused.add(r);
        }
        return new CreatedTickets(created, refused);
    }

    @Override
    public void update(TicketChange c) {
        if (c.fieldsChange()) {
            jira.edit(c.ticketKey(), new JiraModel.IssueEdit(c.summary(), null, c.priority(), c.owner(), c.due(), c.addLabels(), Map.of()));
        }
    }

    /**
     * The way to done as the REST API lets one see it, a status at a time: a transition into the done category
     * when one is offered (two requests); else a step toward it (into progress rather than back to to-do, never to a
     * status already passed), at most {@value #MAX_STEPS} steps. No step left: the ticket stays where it got to.
     */
    @Override
    public Moved moveToDone(IssueKey ticket) {
        return walkToDone(ticket.value(), null);
    }

    private Moved walkToDone(String key, String resolution) {
        java.util.Set<String> passed = new java.util.HashSet<>();
        String status = null;
        for (int step = 0; step < MAX_STEPS; step++) {
            List<JiraModel.Transition> offered = jira.transitions(key);
            Optional<JiraModel.Transition> done = offered.stream().filter(t -> t.toCategory() == JiraModel.StatusCategory.DONE).findFirst();
            if (done.isPresent()) {
                take(key, done.get(), resolution);
                return new Moved(true, done.get().toStatus());
            }
            if (status == null) {
                // where the walk starts, so it never comes back there
                status = jira.issue(key, List.of("status"), List.of()).map(JiraModel.Issue::status).orElse("");
                passed.add(status);
            }
            Optional<JiraModel.Transition> next = offered.stream().filter(t -> !passed.contains(t.toStatus()))
                    .min(java.util.Comparator.comparing(t -> t.toCategory() == JiraModel.StatusCategory.IN_PROGRESS ? 0 : 1));
            if (next.isEmpty()) return new Moved(false, status);
            jira.transition(key, next.get().id());
            status = next.get().toStatus();
            passed.add(status);
        }
        return new Moved(false, status);
    }

    /** The transition into done, with the resolution where its screen takes one (else Jira answers 400 and it is taken without). */
    private void take(String key, JiraModel.Transition t, String resolution) {
        if (resolution != null) {
            try {
                jira.transition(key, t.id(), resolution);
                return;
            } catch (AtlassianException.BadRequest noResolutionHere) {
                // the workflow sets its own resolution on this transition
            }
        }
        jira.transition(key, t.id());
    }

    /**
     * Linked to the ticket kept with Jira's Duplicate link (once: the links are read first), then walked to done with the
     * resolution Duplicate.
     */
    @Override
    public Moved markDuplicate(IssueKey duplicate, IssueKey kept) {
        JiraModel.Issue dup = jira.issue(duplicate.value(), List.of("status", "issuelinks"), List.of())
                .orElseThrow(() -> new IllegalStateException(duplicate + " is gone"));
        boolean linked = dup.links().stream().anyMatch(l -> l.type().equalsIgnoreCase(DUPLICATE_LINK) && l.otherKey().equals(kept.value()));
        if (!linked) jira.link(DUPLICATE_LINK, duplicate.value(), kept.value());
        if (dup.statusCategory() == JiraModel.StatusCategory.DONE) return new Moved(true, dup.status());
        return walkToDone(duplicate.value(), DUPLICATE_RESOLUTION);
    }

    /**
     * Data Center assigns by user name: the name is sent as it is, and Jira checks it when the ticket is created (a
     * name it refused is not sent again this run). Cloud needs the account id, looked up once per run.
     */
    @Override
    public Optional<String> userId(String name) {
        if (jira.deployment() == JiraModel.Deployment.DATA_CENTER) return users.getIfPresent(name).orElse(Optional.of(name));
        return users.get(name, n -> findUser(n).map(Person::id));
    }

    /** One user search, remembered for the run; a match on the exact user name, e-mail or account id wins over the first. */
    @Override
    public Optional<Person> findUser(String name) {
        return found.get(name, n -> {
            List<JiraModel.User> candidates;
            try {
                candidates = jira.findUsers(n);
            } catch (AtlassianException.NotFound | AtlassianException.BadRequest e) {
                return Optional.empty();
            }
            Optional<JiraModel.User> exact = candidates.stream().filter(u -> n.equalsIgnoreCase(u.id()) || n.equalsIgnoreCase(u.email())).findFirst();
            // Data Center matches user names by prefix: only an exact name is the user meant
            Optional<JiraModel.User> user = jira.deployment() == JiraModel.Deployment.DATA_CENTER ? exact : exact.or(() -> candidates.stream().findFirst());
            return user.map(u -> new Person(u.id(), u.displayName()));
        });
    }

    /** One JQL search; the day is a literal, so Jira's clock and time zone do not matter. */
    @Override
    public List<DueTicket> dueBy(String label, LocalDate day) {
        String jql = "labels = " + Jql.quote(label) + " AND statusCategory != Done AND duedate <= " + Jql.quote(day.toString()) + " ORDER BY duedate ASC";
        List<DueTicket> out = new ArrayList<>();
        for (JiraModel.Issue t : jira.search(jql, List.of("summary", "duedate", "labels", "assignee", "issuelinks"), List.of(), 1000)) {
            String postMortem = t.links().stream().filter(JiraModel.Link::outward).map(JiraModel.Link::otherKey).findFirst().orElse(null);
            Person assignee = t.assignee() == null ? null : new Person(t.assignee().id(), t.assignee().displayName());
            out.add(new DueTicket(t.key(), t.due(), t.labels(), assignee, postMortem));
        }
        return out;
    }

    @Override
    public void comment(IssueKey ticket, String markdown, List<Person> mention) {
        jira.comment(ticket.value(), markdown, mention.stream().map(p -> new JiraModel.User(p.id(), p.displayName(), null)).toList());
    }
}
