package io.hindsight.atlassian.sync;

import io.hindsight.atlassian.http.AtlassianException;
import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.plan.DesiredTicket;
import io.hindsight.core.render.Jql;
import io.hindsight.core.sync.ExistingTicket;
import io.hindsight.core.sync.Ports;
import io.hindsight.core.sync.SyncException;
import io.hindsight.core.sync.SyncState;
import io.hindsight.core.sync.TicketChange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's view of Jira. A ticket answers for an action through a label
 * ({@code hindsight-action-<id>}, found by search on both flavours) and an entity property naming the
 * post-mortem and action; both are set in the create request itself, so a ticket is never without them.
 */
public final class JiraTracker implements Ports.Tracker {
    public static final String STATE_PROPERTY = "hindsight.postmortem";
    public static final String TICKET_PROPERTY = "hindsight.remediation";
    public static final String ACTION_LABEL = "hindsight-action-";

    private final JiraClient jira;
    private final ProvisionedIds ids;
    private final PostMortemFields fields;
    private final String ticketIssueType;
    private final String remediatedBy;
    private final Map<String, Optional<String>> users = new ConcurrentHashMap<>();

    /**
     * @param ticketIssueType the issue type of remediation tickets, e.g. Task
     * @param remediatedBy    the link type's inward phrase, for the JQL that finds the tickets
     */
    public JiraTracker(JiraClient jira, ProvisionedIds ids, Set<String> actionClasses, String ticketIssueType, String remediatedBy) {
        this.jira = jira;
        this.ids = ids;
        this.fields = new PostMortemFields(ids, jira.deployment(), actionClasses);
        this.ticketIssueType = ticketIssueType;
        this.remediatedBy = remediatedBy;
    }

    /** Creates the post-mortem issue from a post-mortem (publishing a file); returns its key. */
    public String createPostMortem(String project, PostMortem pm) {
        return jira.create(new JiraModel.NewIssue(project, ids.issueTypeId(), pm.title(), null, null, null, null, List.of("postmortem"),
                fields.values(pm), List.of(), Map.of())).key();
    }

    /** Writes a post-mortem's sections into its issue (publishing a file that changed). */
    public void updatePostMortem(String key, PostMortem pm) {
        jira.edit(key, new JiraModel.IssueEdit(pm.title(), null, null, null, null, null, fields.values(pm)));
    }

    /**
     * The keys of the post-mortems a JQL query finds, oldest key first (one search).
     *
     * @param filter JQL narrowing the post-mortems (e.g. {@code project = PM AND created >= -90d}), or null for all of them
     */
    public List<String> postMortemKeys(String filter, int limit) {
        return jira.search(postMortemJql(filter), List.of("summary"), List.of(), limit).stream().map(JiraModel.Issue::key).toList();
    }

    /** Told after each post-mortem a long run has dealt with. */
    public interface Progress {
        void step(int done, int total, String key);

        Progress NONE = (done, total, key) -> { };
    }

    /** How many post-mortems one ticket search covers: the JQL stays well under Jira's length limits. */
    static final int REPORT_BATCH = 50;

    /** Every post-mortem a JQL query finds, with its tickets, for reports. */
    public List<Ports.Loaded> loadAll(String filter, int limit) {
        return loadAll(filter, limit, Progress.NONE);
    }

    /**
     * Every post-mortem a JQL query finds, with its remediation tickets, in a few searches rather than two
     * reads apiece: one search (paged) for the post-mortems with their fields, then one ticket search per
     * {@value #REPORT_BATCH} post-mortems ({@code issue in linkedIssues(A, ...) OR ...}), each ticket placed
     * by its Remediation link. Hindsight's sync state is not read ({@link SyncState#NONE}): reports do not
     * need it, and Data Center's search cannot return entity properties.
     */
    public List<Ports.Loaded> loadAll(String filter, int limit, Progress progress) {
        List<JiraModel.Issue> pms = jira.search(postMortemJql(filter), fields.fieldIds(), List.of(), limit);
        List<Ports.Loaded> all = new ArrayList<>();
        for (int from = 0; from < pms.size(); from += REPORT_BATCH) {
            List<JiraModel.Issue> batch = pms.subList(from, Math.min(pms.size(), from + REPORT_BATCH));
            Map<String, List<ExistingTicket>> tickets = new java.util.HashMap<>();
            batch.forEach(pm -> tickets.put(pm.key(), new ArrayList<>()));
            String jql = String.join(" OR ", batch.stream().map(pm -> "issue in linkedIssues(" + Jql.quote(Jql.issueKey(pm.key())) + ", " + Jql.quote(remediatedBy) + ")").toList())
                    + " ORDER BY key";
            List<String> ticketFields = new ArrayList<>(TICKET_FIELDS);
            ticketFields.add("issuelinks");
            for (JiraModel.Issue t : jira.search(jql, ticketFields, List.of(), 1000 * batch.size())) {
                ExistingTicket ticket = ticket(t);
                t.links().stream().filter(l -> l.type().equals(ids.linkTypeName()) && tickets.containsKey(l.otherKey())).map(JiraModel.Link::otherKey).distinct()
                        .forEach(pm -> tickets.get(pm).add(ticket));
            }
            for (JiraModel.Issue pm : batch) all.add(new Ports.Loaded(fields.read(pm), SyncState.NONE, tickets.get(pm.key())));
            progress.step(from + batch.size(), pms.size(), batch.get(batch.size() - 1).key());
        }
        return all;
    }

    private String postMortemJql(String filter) {
        if (filter != null && filter.matches("(?is).*\\border\\s+by\\b.*")) {
            throw new IllegalArgumentException("the JQL filter must not have ORDER BY (it is ANDed with the post-mortem issue type): " + filter);
        }
        return "issuetype = " + Jql.quote(ids.issueTypeId()) + (filter == null || filter.isBlank() ? "" : " AND (" + filter + ")") + " ORDER BY key";
    }

    /**
     * The people who approve a post-mortem, as Jira users to mention (one read, plus a user lookup per
     * name on Cloud). Empty when the issue is gone or names none; a name Jira does not know is left out.
     */
    public List<JiraModel.User> approvers(String postMortemKey) {
        Optional<JiraModel.Issue> issue = jira.issue(postMortemKey, fields.fieldIds(), List.of());
        if (issue.isEmpty()) return List.of();
        List<JiraModel.User> users = new ArrayList<>();
        for (String name : fields.read(issue.get()).approvers()) userId(name).ifPresent(id -> users.add(new JiraModel.User(id, name, null)));
        return users;
    }

    @Override
    public void recordApproval(String postMortemKey, LocalDate day) {
        String field = ids.fieldIds().get("approved");
        // a site provisioned before the field existed: nothing to write to; 'hindsight provision' adds it
        if (field == null) return;
        jira.edit(postMortemKey, new JiraModel.IssueEdit(null, null, null, null, null, null, Map.of(field, new JiraModel.Text(day.toString()))));
    }

    @Override
    public Optional<Ports.Loaded> load(String key) {
        Optional<JiraModel.Issue> issue = jira.issue(key, fields.fieldIds(), List.of(STATE_PROPERTY));
        if (issue.isEmpty()) return Optional.empty();
        PostMortem pm = fields.read(issue.get());
        SyncState state = issue.get().property(STATE_PROPERTY).map(JiraTracker::state).orElse(SyncState.NONE);
        List<ExistingTicket> tickets = new ArrayList<>();
        String jql = "issue in linkedIssues(" + Jql.quote(Jql.issueKey(key)) + ", " + Jql.quote(remediatedBy) + ") ORDER BY key";
        for (JiraModel.Issue t : jira.search(jql, TICKET_FIELDS, List.of(TICKET_PROPERTY), 1000)) tickets.add(ticket(t));
        return Optional.of(new Ports.Loaded(pm, state, tickets));
    }

    private static final List<String> TICKET_FIELDS = List.of("summary", "status", "assignee", "duedate", "priority", "labels");

    /** A remediation ticket as the engine sees it: its action id from the label, else from the entity property. */
    private static ExistingTicket ticket(JiraModel.Issue t) {
        String actionId = t.labels().stream().filter(l -> l.startsWith(ACTION_LABEL)).map(l -> l.substring(ACTION_LABEL.length())).findFirst()
                .or(() -> t.property(TICKET_PROPERTY).flatMap(p -> p.get("actionId"))).orElse(null);
        return new ExistingTicket(t.key(), actionId, t.summary(), t.assignee() == null ? null : t.assignee().id(), t.due(), t.priority(),
                t.labels(), t.statusCategory() == JiraModel.StatusCategory.DONE);
    }

    private static SyncState state(JiraModel.Property p) {
        return new SyncState(p.get("pageId").orElse(null), p.get("renderedHash").orElse(null), p.get("savedHash").orElse(null),
                Integer.parseInt(p.get("pageVersion").orElse("0")), p.get("reportHash").orElse(null));
    }

    @Override
    public List<Ports.Created> createTickets(String postMortemKey, List<DesiredTicket> tickets) {
        List<JiraModel.NewIssue> issues = new ArrayList<>();
        for (DesiredTicket d : tickets) {
            List<String> labels = new ArrayList<>(d.labels());
            labels.add(ACTION_LABEL + d.actionId());
            String assignee = d.owner() == null ? null : userId(d.owner()).orElse(null);
            issues.add(new JiraModel.NewIssue(d.project(), ticketIssueType, d.summary(), d.description(), d.priority(), assignee, d.due(),
                    labels, Map.of(), List.of(new JiraModel.NewLink(ids.linkTypeName(), postMortemKey)),
                    Map.of(TICKET_PROPERTY, new JiraModel.Property(Map.of("postMortem", postMortemKey, "actionId", d.actionId())))));
        }
        JiraModel.BulkResult result = jira.createAll(issues);
        // Jira lists the created issues in request order, leaving out the failed elements
        Set<Integer> failed = new HashSet<>();
        result.errors().forEach(e -> failed.add(e.index()));
        List<Ports.Created> created = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < tickets.size() && next < result.created().size(); i++) {
            if (!failed.contains(i)) created.add(new Ports.Created(tickets.get(i).actionId(), result.created().get(next++).key()));
        }
        if (!result.errors().isEmpty()) {
            StringBuilder sb = new StringBuilder("Jira refused " + result.errors().size() + " remediation ticket(s); the others were created and a retry creates only the missing ones:");
            for (JiraModel.BulkError e : result.errors()) {
                DesiredTicket t = tickets.get(e.index());
                sb.append("\n- '").append(t.summary()).append("': ").append(e.message());
                // Jira's words for an unknown project ("project is required") send people looking in the wrong place
                if (e.message().startsWith("project:")) {
                    sb.append(" (the action files it under project '").append(t.project()).append("': check that the project exists and that Hindsight's account ")
                            .append("may create issues in it, or change the action's project:KEY)");
                }
            }
            throw new SyncException(sb.toString());
        }
        return created;
    }

    @Override
    public void update(TicketChange c) {
        if (c.fieldsChange()) {
            jira.edit(c.ticketKey(), new JiraModel.IssueEdit(c.summary(), null, c.priority(), c.owner(), c.due(), c.addLabels(), Map.of()));
        }
        if (c.markDone()) {
            jira.transitions(c.ticketKey()).stream().filter(t -> t.toCategory() == JiraModel.StatusCategory.DONE).findFirst()
                    .ifPresent(t -> jira.transition(c.ticketKey(), t.id()));
        }
    }

    @Override
    public void saveState(String postMortemKey, SyncState state) {
        Map<String, String> v = new LinkedHashMap<>();
        if (state.pageId() != null) v.put("pageId", state.pageId());
        if (state.renderedHash() != null) v.put("renderedHash", state.renderedHash());
        if (state.savedHash() != null) v.put("savedHash", state.savedHash());
        v.put("pageVersion", String.valueOf(state.pageVersion()));
        if (state.reportHash() != null) v.put("reportHash", state.reportHash());
        jira.setProperty(postMortemKey, STATE_PROPERTY, new JiraModel.Property(v));
    }

    @Override
    public void comment(String postMortemKey, String markdown) {
        jira.comment(postMortemKey, markdown);
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
}
