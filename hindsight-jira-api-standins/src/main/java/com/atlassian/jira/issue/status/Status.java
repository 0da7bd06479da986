package com.atlassian.jira.issue.status;

/** Stand-in (jira-api). */
public interface Status {
    String getName();
}
