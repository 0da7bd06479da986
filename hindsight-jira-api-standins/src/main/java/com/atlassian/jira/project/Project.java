package com.atlassian.jira.project;

/** Stand-in (jira-api). */
public interface Project {
    Long getId();

    String getKey();

    java.util.Collection<com.atlassian.jira.issue.issuetype.IssueType> getIssueTypes();
}
