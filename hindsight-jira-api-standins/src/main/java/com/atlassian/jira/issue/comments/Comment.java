package com.atlassian.jira.issue.comments;

/** Stand-in (jira-api). */
public interface Comment {
    Long getId();

    String getBody();
}
