package com.atlassian.jira.event.issue;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;

import java.util.Map;

/** Stand-in (jira-api): a class in the real API too, with this public constructor. */
public class IssueEvent {
    private final Issue issue;
    private final ApplicationUser user;
    private final Long eventTypeId;

    public IssueEvent(Issue issue, Map<String, Object> params, ApplicationUser user, Long eventTypeId) {
        this.issue = issue;
        this.user = user;
        this.eventTypeId = eventTypeId;
    }

    public Issue getIssue() {
        return issue;
    }

    public ApplicationUser getUser() {
        return user;
    }

    public Long getEventTypeId() {
        return eventTypeId;
    }
}
