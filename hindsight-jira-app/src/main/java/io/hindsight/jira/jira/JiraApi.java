package io.hindsight.jira.jira;

import com.atlassian.jira.bc.issue.IssueService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.config.IssueTypeManager;
import com.atlassian.jira.config.PriorityManager;
import com.atlassian.jira.entity.property.JsonEntityPropertyManager;
import com.atlassian.jira.issue.CustomFieldManager;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.issue.customfields.manager.OptionsManager;
import com.atlassian.jira.issue.label.LabelManager;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.link.IssueLinkTypeManager;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.jira.workflow.WorkflowManager;

/** The Jira components the post-mortem store and the ticket tracker work through, imported from Jira as OSGi services. */
public record JiraApi(IssueManager issues, IssueService issueService, SearchService search, CustomFieldManager customFields,
                      OptionsManager options, IssueLinkManager links, IssueLinkTypeManager linkTypes, CommentManager comments,
                      LabelManager labels, JsonEntityPropertyManager properties, UserManager users, ProjectManager projects,
                      IssueTypeManager issueTypes, PriorityManager priorities, WorkflowManager workflows) {
    public JiraFields fields() {
        return new JiraFields(customFields, options);
    }

    public IssueProperties issueProperties() {
        return new IssueProperties(properties);
    }
}
