package com.atlassian.jira.issue.priority;

/** Stand-in (jira-api). */
public interface Priority {
    String getId();

    String getName();
}
