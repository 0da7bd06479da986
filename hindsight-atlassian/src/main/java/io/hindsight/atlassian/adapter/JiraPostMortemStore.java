package io.hindsight.atlassian.adapter;

import io.hindsight.atlassian.jira.JiraClient;
import io.hindsight.atlassian.jira.JiraModel;
import io.hindsight.atlassian.provision.ProvisionedIds;
import io.hindsight.core.model.IssueKey;
import io.hindsight.core.model.PostMortem;
import io.hindsight.core.model.SyncState;
import io.hindsight.core.port.Filters;
import io.hindsight.core.port.PostMortemStore;
import io.hindsight.core.port.Schema;
import io.hindsight.core.render.Jql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Post-mortems as Jira issues over REST: each section in its provisioned field ({@link PostMortemFields}),
 * Hindsight's state in the {@link Schema#STATE_PROPERTY} entity property. What an issue is comes from Jira's own
 * data: its issue type (by the provisioned id) and Hindsight's action marks on remediation tickets.
 */
public final class JiraPostMortemStore implements PostMortemStore {
    private static final String MARK_PROPERTY = Schema.COMMENT_MARK_PROPERTY;
    /** How many of the newest comments are searched for a mark: an attempt looks only for a comment made moments before. */
    private static final int RECENT_COMMENTS = 50;

    private final JiraClient jira;
    private final ProvisionedIds ids;
    private final PostMortemFields fields;

    public JiraPostMortemStore(JiraClient jira, ProvisionedIds ids, Set<String> actionClasses) {
        this.jira = jira;
        this.ids = ids;
        this.fields = new PostMortemFields(ids, jira.deployment(), actionClasses);
    }

    /** One read: the fields, the issue type, the labels, the state and the ticket mark. */
    @Override
    public Optional<Stored> load(IssueKey key) {
        List<String> wanted = new ArrayList<>(fields.fieldIds());
        wanted.add("issuetype");
        wanted.add("labels");
        return jira.issue(key.value(), wanted, List.of(Schema.STATE_PROPERTY, Schema.TICKET_PROPERTY)).map(this::stored);
    }

    private Stored stored(JiraModel.Issue issue) {
        String markdown = fields.markdown(issue);
        SyncState state = issue.property(Schema.STATE_PROPERTY).map(StateProperty::read).orElse(SyncState.NONE);
        return new Stored(IssueKey.of(issue.key()), kind(issue), issue.issueType(), fields.read(markdown, issue.key()), markdown, state);
    }

    /** A remediation ticket by Hindsight's marks on it, whatever its type; else a post-mortem by the provisioned type. */
    private Kind kind(JiraModel.Issue issue) {
        boolean ticket = issue.labels().stream().anyMatch(l -> l.startsWith(Schema.ACTION_LABEL_PREFIX)) || issue.property(Schema.TICKET_PROPERTY).isPresent();
        if (ticket) return Kind.REMEDIATION_TICKET;
        boolean postMortem = issue.issueTypeId() != null && ids.issueTypeId() != null ? ids.issueTypeId().equals(issue.issueTypeId())
                : Schema.POST_MORTEM_TYPE.equalsIgnoreCase(issue.issueType());
        return postMortem ? Kind.POST_MORTEM : Kind.OTHER;
    }

    /** One write; the issue as it now reads is known from what was sent. */
    @Override
    public Stored create(String project, PostMortem pm) {
        Map<String, JiraModel.FieldValue> values = fields.values(pm);
        JiraModel.IssueRef ref = jira.create(new JiraModel.NewIssue(project, ids.issueTypeId(), pm.title(), null, null, null, null, List.of(Schema.POST_MORTEM_LABEL),
                values, List.of(), Map.of()));
        JiraModel.Issue now = fields.written(ref.id(), ref.key(), pm.title(), Map.of(), values, null, JiraModel.StatusCategory.TO_DO);
        String markdown = fields.markdown(now);
        return new Stored(IssueKey.of(ref.key()), Kind.POST_MORTEM, Schema.POST_MORTEM_TYPE, fields.read(markdown, ref.key()), markdown, SyncState.NONE);
    }

    /**
     * Compares first: the issue as it would read after the write (the fields it has, with the post-mortem's written
     * over them, as Jira keeps a field the edit does not name) against the issue as it reads now. Equal: no request.
     */
    @Override
    public Stored update(Stored current, PostMortem pm) {
        PostMortem before = current.postMortem();
        // the review state lives in the workflow status, which an edit does not change
        String status = before.state() == null ? null : before.state().label();
        Map<String, JiraModel.FieldValue> values = fields.values(pm);
        JiraModel.Issue after = fields.written(null, current.key().value(), pm.title(), fields.values(before), values, status, JiraModel.StatusCategory.TO_DO);
        String markdown = fields.markdown(after);
        PostMortem next = fields.read(markdown, current.key().value());
        if (next.equals(before)) return current;
        jira.edit(current.key().value(), new JiraModel.IssueEdit(pm.title(), null, null, null, null, null, values));
        return new Stored(current.key(), current.kind(), current.issueType(), next, markdown, current.state());
    }

    @Override
    public void saveState(IssueKey key, SyncState state) {
        jira.setProperty(key.value(), Schema.STATE_PROPERTY, StateProperty.write(state));
    }

    @Override
    public void recordApproval(IssueKey key, LocalDate day) {
        String field = ids.fieldIds().get("approved");
        // a site provisioned before the field existed: nothing to write to; 'hindsight provision' adds it
        if (field == null) return;
        jira.edit(key.value(), new JiraModel.IssueEdit(null, null, null, null, null, null, Map.of(field, new JiraModel.Text(day.toString()))));
    }

    /** The mark rides in a comment property set by the create itself, so a comment never exists without it. */
    @Override
    public void comment(IssueKey key, String markdown, String mark) {
        jira.comment(key.value(), markdown, Map.of(MARK_PROPERTY, new JiraModel.Property(Map.of("mark", mark))));
    }

    /** One read of the newest comments with their properties. */
    @Override
    public boolean commented(IssueKey key, String mark) {
        return jira.recentComments(key.value(), RECENT_COMMENTS).stream()
                .anyMatch(c -> c.properties().containsKey(MARK_PROPERTY) && c.properties().get(MARK_PROPERTY).get("mark").map(mark::equals).orElse(false));
    }

    /** One search, paged, with the fields: not a read per post-mortem. */
    @Override
    public List<PostMortem> find(String jql, int limit) {
        return jira.search(postMortemJql(jql), fields.fieldIds(), List.of(), limit).stream().map(fields::read).toList();
    }

    @Override
    public List<IssueKey> findKeys(String jql, int limit) {
        return jira.search(postMortemJql(jql), List.of("summary"), List.of(), limit).stream().map(i -> IssueKey.of(i.key())).toList();
    }

    private String postMortemJql(String filter) {
        String checked = Filters.checked(filter);
        return "issuetype = " + Jql.quote(ids.issueTypeId()) + (checked == null ? "" : " AND (" + checked + ")") + " ORDER BY key";
    }
}
