package com.atlassian.jira.issue.link;

/** Stand-in (jira-api). */
public interface IssueLinkType {
    Long getId();

    String getName();

    String getOutward();

    String getInward();
}
