package io.hindsight.jira.testing;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.config.PriorityManager;
import com.atlassian.jira.entity.property.EntityProperty;
import com.atlassian.jira.entity.property.JsonEntityPropertyManager;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.customfields.manager.OptionsManager;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.label.LabelManager;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.link.IssueLinkType;
import com.atlassian.jira.issue.link.IssueLinkTypeManager;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.issue.status.category.StatusCategory;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.workflow.WorkflowManager;
import io.hindsight.atlassian.provision.ProvisioningSpec;
import io.hindsight.jira.jira.JiraApi;
import io.hindsight.jira.jira.JiraFields;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Mockito mocks of the Jira managers the adapters call, with just enough behaviour to map: issues by key and
 * id, the provisioned custom fields by name, issue properties kept in a map (as Jira stores their JSON text),
 * users by name. What the adapters write is verified on the mocks.
 */
public final class JiraMocks {
    public final IssueManager issues = mock(IssueManager.class);
    public final IssueService issueService = mock(IssueService.class);
    public final SearchService search = mock(SearchService.class);
    public final CustomFieldManager customFields = mock(CustomFieldManager.class);
    public final OptionsManager options = mock(OptionsManager.class);
    public final IssueLinkManager links = mock(IssueLinkManager.class);
    public final IssueLinkTypeManager linkTypes = mock(IssueLinkTypeManager.class);
    public final CommentManager comments = mock(CommentManager.class);
    public final LabelManager labels = mock(LabelManager.class);
    public final JsonEntityPropertyManager properties = mock(JsonEntityPropertyManager.class);
    public final UserManager users = mock(UserManager.class);
    public final ProjectManager projects = mock(ProjectManager.class);
    public final IssueTypeManager issueTypes = mock(IssueTypeManager.class);
    public final PriorityManager priorities = mock(PriorityManager.class);
    public final WorkflowManager workflows = mock(WorkflowManager.class);
    public final JiraApi api = new JiraApi(issues, issueService, search, customFields, options, links, linkTypes, comments, labels, properties, users,
            projects, issueTypes, priorities, workflows);
    /** The JSON text of each property: "issueId/key". */
    public final Map<String, String> stored = new LinkedHashMap<>();
    public final Map<String, CustomField> fields = new HashMap<>();
    public final ApplicationUser hindsight;

    public JiraMocks() {
        hindsight = user("hindsight", "Hindsight");
        for (ProvisioningSpec.FieldSpec f : JiraFields.SPEC) {
            CustomField cf = mock(CustomField.class);
            when(cf.getId()).thenReturn("customfield_" + (10000 + fields.size()));
            when(cf.getName()).thenReturn(f.name());
            CustomFieldType<?, ?> type = mock(CustomFieldType.class);
            when(type.getKey()).thenReturn(f.type().key);
            when(cf.getCustomFieldType()).thenReturn((CustomFieldType) type);
            fields.put(f.key(), cf);
            when(customFields.getCustomFieldObjectsByName(f.name())).thenReturn(List.of(cf));
        }
        when(properties.get(eq("IssueProperty"), any(), anyString())).thenAnswer(inv -> {
            String json = stored.get(inv.getArgument(1) + "/" + inv.getArgument(2));
            if (json == null) return null;
            EntityProperty p = mock(EntityProperty.class);
            when(p.getValue()).thenReturn(json);
            return p;
        });
        doAnswer(inv -> stored.put(inv.getArgument(2) + "/" + inv.getArgument(3), inv.getArgument(4)))
                .when(properties).put(any(), eq("IssueProperty"), any(), anyString(), anyString(), any(), org.mockito.ArgumentMatchers.anyBoolean());
        // comment properties (the marks sync comments carry), kept as "comment:id/key"
        when(properties.get(eq("CommentProperty"), any(), anyString())).thenAnswer(inv -> {
            String json = stored.get("comment:" + inv.getArgument(1) + "/" + inv.getArgument(2));
            if (json == null) return null;
            EntityProperty p = mock(EntityProperty.class);
            when(p.getValue()).thenReturn(json);
            return p;
        });
        doAnswer(inv -> stored.put("comment:" + inv.getArgument(2) + "/" + inv.getArgument(3), inv.getArgument(4)))
                .when(properties).put(any(), eq("CommentProperty"), any(), anyString(), anyString(), any(), org.mockito.ArgumentMatchers.anyBoolean());
        when(issueService.newIssueInputParameters()).thenAnswer(inv -> mock(IssueInputParameters.class, org.mockito.Answers.RETURNS_SELF));
    }

    public ApplicationUser user(String name, String displayName) {
        ApplicationUser u = mock(ApplicationUser.class);
        when(u.getUsername()).thenReturn(name);
        when(u.getKey()).thenReturn("JIRAUSER-" + name);
        when(u.getDisplayName()).thenReturn(displayName);
        when(u.isActive()).thenReturn(true);
        when(users.getUserByName(name)).thenReturn(u);
        return u;
    }

    public MutableIssue issue(long id, String key, String type, String statusCategory, String... labelNames) {
        MutableIssue issue = mock(MutableIssue.class);
        when(issue.getId()).thenReturn(id);
        when(issue.getKey()).thenReturn(key);
        when(issue.getSummary()).thenReturn("summary of " + key);
        IssueType t = issueType(type, String.valueOf(id));
        when(issue.getIssueType()).thenReturn(t);
        Status status = mock(Status.class);
        StatusCategory category = mock(StatusCategory.class);
        when(category.getKey()).thenReturn(statusCategory);
        when(status.getStatusCategory()).thenReturn(category);
        when(status.getName()).thenReturn(statusCategory.equals("done") ? "Done" : "Open");
        when(issue.getStatus()).thenReturn(status);
        Set<Label> ls = java.util.Arrays.stream(labelNames).map(l -> new Label(null, id, l)).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        when(issue.getLabels()).thenReturn(ls);
        Project project = project(key.substring(0, key.indexOf('-')), 100L + key.charAt(0));
        when(issue.getProjectObject()).thenReturn(project);
        when(issues.getIssueObject(key)).thenReturn(issue);
        when(issues.getIssueObject(id)).thenReturn(issue);
        return issue;
    }

    public IssueType issueType(String name, String id) {
        IssueType t = mock(IssueType.class);
        when(t.getName()).thenReturn(name);
        when(t.getId()).thenReturn(id);
        return t;
    }

    public Project project(String key, long id) {
        Project p = mock(Project.class);
        when(p.getKey()).thenReturn(key);
        when(p.getId()).thenReturn(id);
        when(projects.getProjectObjByKey(key)).thenReturn(p);
        return p;
    }

    public IssueLinkType linkType(long id, String name, String outward, String inward) {
        IssueLinkType t = mock(IssueLinkType.class);
        when(t.getId()).thenReturn(id);
        when(t.getName()).thenReturn(name);
        when(t.getOutward()).thenReturn(outward);
        when(t.getInward()).thenReturn(inward);
        when(linkTypes.getIssueLinkTypesByName(name)).thenReturn(List.of(t));
        return t;
    }
}
