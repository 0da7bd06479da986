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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Post-mortems as Jira issues over REST: each section in its provisioned field ({@link PostMortemFields}),
 * Hindsight's state in the {@link Schema#STATE_PROPERTY} entity property.
 */
public final class JiraPostMortemStore implements PostMortemStore {
    private final JiraClient jira;
    private final ProvisionedIds ids;
    private final PostMortemFields fields;

    public JiraPostMortemStore(JiraClient jira, ProvisionedIds ids, Set<String> actionClasses) {
        this.jira = jira;
        this.ids = ids;
        this.fields = new PostMortemFields(ids, jira.deployment(), actionClasses);
    }

    @Override
    public Optional<Stored> load(IssueKey key) {
        return jira.issue(key.value(), fields.fieldIds(), List.of(Schema.STATE_PROPERTY))
                .map(issue -> new Stored(fields.read(issue), issue.property(Schema.STATE_PROPERTY).map(JiraPostMortemStore::state).orElse(SyncState.NONE)));
    }

    @Override
    public IssueKey create(String project, PostMortem pm) {
        return IssueKey.of(jira.create(new JiraModel.NewIssue(project, ids.issueTypeId(), pm.title(), null, null, null, null, List.of(Schema.POST_MORTEM_LABEL),
                fields.values(pm), List.of(), Map.of())).key());
    }

    @Override
    public void update(IssueKey key, PostMortem pm) {
        jira.edit(key.value(), new JiraModel.IssueEdit(pm.title(), null, null, null, null, null, fields.values(pm)));
    }

    @Override
    public void saveState(IssueKey key, SyncState state) {
        Map<String, String> v = new LinkedHashMap<>();
        if (state.pageId() != null) v.put("pageId", state.pageId());
        if (state.renderedHash() != null) v.put("renderedHash", state.renderedHash());
        if (state.savedHash() != null) v.put("savedHash", state.savedHash());
        v.put("pageVersion", String.valueOf(state.pageVersion()));
        if (state.reportHash() != null) v.put("reportHash", state.reportHash());
        jira.setProperty(key.value(), Schema.STATE_PROPERTY, new JiraModel.Property(v));
    }

    private static SyncState state(JiraModel.Property p) {
        return new SyncState(p.get("pageId").orElse(null), p.get("renderedHash").orElse(null), p.get("savedHash").orElse(null),
                Integer.parseInt(p.get("pageVersion").orElse("0")), p.get("reportHash").orElse(null));
    }

    @Override
    public void recordApproval(IssueKey key, LocalDate day) {
        String field = ids.fieldIds().get("approved");
        // a site provisioned before the field existed: nothing to write to; 'hindsight provision' adds it
        if (field == null) return;
        jira.edit(key.value(), new JiraModel.IssueEdit(null, null, null, null, null, null, Map.of(field, new JiraModel.Text(day.toString()))));
    }

    @Override
    public void comment(IssueKey key, String markdown) {
        jira.comment(key.value(), markdown);
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
