package com.atlassian.jira.issue.link;

/** Stand-in (jira-api). */
public interface IssueLinkType {
    String getName();
}
