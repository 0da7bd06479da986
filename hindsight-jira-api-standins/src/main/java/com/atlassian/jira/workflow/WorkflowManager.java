package com.atlassian.jira.workflow;

import com.atlassian.jira.issue.Issue;

/** Stand-in (jira-api). */
public interface WorkflowManager {
    JiraWorkflow getWorkflow(Issue issue);
}
