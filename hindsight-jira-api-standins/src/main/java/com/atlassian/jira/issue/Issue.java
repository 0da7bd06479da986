package com.atlassian.jira.issue;

import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.priority.Priority;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;

import java.sql.Timestamp;

/** Stand-in (jira-api): the getters the app reads. */
public interface Issue {
    Long getId();

    String getKey();

    String getSummary();

    IssueType getIssueType();

    Status getStatus();

    Priority getPriority();

    Project getProjectObject();

    Timestamp getCreated();

    Object getCustomFieldValue(CustomField customField);
}
