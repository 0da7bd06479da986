package com.atlassian.jira.issue.link;

import java.util.List;

/** Stand-in (jira-api). */
public interface IssueLinkManager {
    List<IssueLink> getOutwardLinks(Long sourceIssueId);

    List<IssueLink> getInwardLinks(Long destinationIssueId);
}
