package com.atlassian.jira.issue.label;

import com.atlassian.jira.user.ApplicationUser;

/** Stand-in (jira-api). */
public interface LabelManager {
    Label addLabel(ApplicationUser remoteUser, Long issueId, String label, boolean sendNotification);
}
