package com.atlassian.jira.issue.link;

import com.atlassian.jira.issue.Issue;

/** Stand-in (jira-api). */
public interface IssueLink {
    IssueLinkType getIssueLinkType();

    Issue getSourceObject();

    Issue getDestinationObject();
}
