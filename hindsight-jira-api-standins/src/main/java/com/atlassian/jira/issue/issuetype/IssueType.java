package com.atlassian.jira.issue.issuetype;

import com.atlassian.jira.avatar.Avatar;

/** Stand-in (jira-api). */
public interface IssueType {
    String getId();

    String getName();

    /** The type's icon; a new type takes Task's. */
    Avatar getAvatar();
}
