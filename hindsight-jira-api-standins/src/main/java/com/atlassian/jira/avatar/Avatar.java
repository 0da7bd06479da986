package com.atlassian.jira.avatar;

/** Stand-in (jira-api). */
public interface Avatar {
    Long getId();
}
