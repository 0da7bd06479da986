package com.atlassian.jira.security;

import com.atlassian.jira.user.ApplicationUser;

/** Stand-in (jira-api). */
public interface JiraAuthenticationContext {
    ApplicationUser getLoggedInUser();

    void setLoggedInUser(ApplicationUser user);
}
