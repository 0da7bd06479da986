package com.atlassian.jira.issue;

/** Stand-in (jira-api). */
public interface MutableIssue extends Issue {
}
