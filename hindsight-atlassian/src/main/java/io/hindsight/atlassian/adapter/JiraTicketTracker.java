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
import java.util.concurrent.ConcurrentHashMap;
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

    private final JiraClient jira;
    private final ProvisionedIds ids;
    private final Map<String, Optional<String>> users = new ConcurrentHashMap<>();

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
                t.labels(), t.statusCategory() == JiraModel.StatusCategory.DONE);
    }

    /** One bulk create (Jira takes 50 a request), links and properties inline. */
    @Override
    public CreatedTickets create(IssueKey postMortem, List<DesiredTicket> tickets) {
        List<JiraModel.NewIssue> issues = new ArrayList<>();
        for (DesiredTicket d : tickets) {
            List<String> labels = new ArrayList<>(d.labels());
            labels.add(Schema.ACTION_LABEL_PREFIX + d.actionId());
            String assignee = d.owner() == null ? null : userId(d.owner()).orElse(null);
            issues.add(new JiraModel.NewIssue(d.project(), Schema.TICKET_TYPE, d.summary(), d.description(), d.priority(), assignee, d.due(),
                    labels, Map.of(), List.of(new JiraModel.NewLink(ids.linkTypeName(), postMortem.value())),
                    Map.of(Schema.TICKET_PROPERTY, new JiraModel.Property(Map.of("postMortem", postMortem.value(), "actionId", d.actionId())))));
        }
        JiraModel.BulkResult result = jira.createAll(issues);
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
            refused.add(m.matches() ? new CreatedTickets.Refusal(t, m.group(1), m.group(2)) : new CreatedTickets.Refusal(t, null, e.message()));
        }
        return new CreatedTickets(created, refused);
    }

    @Override
    public void update(TicketChange c) {
        if (c.fieldsChange()) {
            jira.edit(c.ticketKey(), new JiraModel.IssueEdit(c.summary(), null, c.priority(), c.owner(), c.due(), c.addLabels(), Map.of()));
        }
    }

    /** The first transition into the Done category: two requests. */
    @Override
    public void moveToDone(IssueKey ticket) {
        jira.transitions(ticket.value()).stream().filter(t -> t.toCategory() == JiraModel.StatusCategory.DONE).findFirst()
                .ifPresent(t -> jira.transition(ticket.value(), t.id()));
    }

    /** Data Center assigns by user name, so the owner's name is the id; Cloud needs the account id, looked up once. */
    @Override
    public Optional<String> userId(String ownerName) {
        if (jira.deployment() == JiraModel.Deployment.DATA_CENTER) return Optional.of(ownerName);
        return users.computeIfAbsent(ownerName, n -> {
            try {
                return jira.findUsers(n).stream().findFirst().map(JiraModel.User::id);
            } catch (AtlassianException e) {
                return Optional.empty();
            }
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
