package com.atlassian.jira.issue.issuetype;

/** Stand-in (jira-api). */
public interface IssueType {
    String getId();

    String getName();
}
