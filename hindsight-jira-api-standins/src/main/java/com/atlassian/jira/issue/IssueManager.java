package com.atlassian.jira.issue;

/** Stand-in (jira-api). */
public interface IssueManager {
    MutableIssue getIssueObject(String key);
}
