package com.atlassian.jira.issue.status.category;

/** Stand-in (jira-api): "new", "indeterminate" or "done". */
public interface StatusCategory {
    String COMPLETE = "done";

    String getKey();
}
