package com.atlassian.jira.issue;

import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.user.ApplicationUser;

import java.sql.Timestamp;

/** Stand-in (jira-api): the setters the app calls before IssueManager.updateIssue. */
public interface MutableIssue extends Issue {
    void setSummary(String summary);

    void setAssignee(ApplicationUser assignee);

    void setPriorityId(String priorityId);

    void setDueDate(Timestamp dueDate);

    void setCustomFieldValue(CustomField customField, Object value);
}
