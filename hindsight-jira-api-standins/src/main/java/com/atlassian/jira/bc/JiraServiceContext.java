package com.atlassian.jira.bc;

import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.ErrorCollection;

/** Stand-in (jira-api). */
public interface JiraServiceContext {
    ErrorCollection getErrorCollection();

    ApplicationUser getLoggedInApplicationUser();
}
