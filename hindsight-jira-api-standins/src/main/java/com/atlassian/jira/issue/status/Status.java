package com.atlassian.jira.issue.status;

import com.atlassian.jira.issue.status.category.StatusCategory;

/** Stand-in (jira-api). */
public interface Status {
    String getName();

    StatusCategory getStatusCategory();
}
