package com.atlassian.jira.issue.context;

/** Stand-in (jira-api). */
public interface JiraContextNode {
}
