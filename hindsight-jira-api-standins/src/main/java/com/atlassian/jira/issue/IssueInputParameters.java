package com.atlassian.jira.issue;

/** Stand-in (jira-api): the values of an issue to create, as Jira's fields read them from a form. */
public interface IssueInputParameters {
    void setSkipScreenCheck(boolean skipScreenCheck);

    IssueInputParameters addCustomFieldValue(Long customFieldId, String... values);

    /** Also the way to give a system field such as {@code labels} its form values. */
    IssueInputParameters addCustomFieldValue(String fullCustomFieldKey, String... values);

    IssueInputParameters setProjectId(Long projectId);

    IssueInputParameters setIssueTypeId(String issueTypeId);

    IssueInputParameters setPriorityId(String priorityId);

    IssueInputParameters setSummary(String summary);

    IssueInputParameters setDescription(String description);

    IssueInputParameters setAssigneeId(String assigneeId);

    IssueInputParameters setReporterId(String reporterId);
}
