package com.atlassian.jira.issue;

import com.atlassian.jira.event.type.EventDispatchOption;
import com.atlassian.jira.user.ApplicationUser;

/** Stand-in (jira-api). */
public interface IssueManager {
    MutableIssue getIssueObject(String key);

    MutableIssue getIssueObject(Long id);

    /** Stores the issue's changed fields, writes its change history, dispatches the event and reindexes it. */
    Issue updateIssue(ApplicationUser user, MutableIssue issue, EventDispatchOption eventDispatchOption, boolean sendMail);
}
