package com.atlassian.jira.issue;

import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.priority.Priority;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;

import java.sql.Timestamp;
import java.util.Set;

/** Stand-in (jira-api): the getters the app reads. */
public interface Issue {
    Long getId();

    String getKey();

    String getSummary();

    String getDescription();

    IssueType getIssueType();

    Status getStatus();

    Priority getPriority();

    Project getProjectObject();

    ApplicationUser getAssignee();

    Timestamp getCreated();

    Timestamp getDueDate();

    Set<Label> getLabels();

    Object getCustomFieldValue(CustomField customField);
}
