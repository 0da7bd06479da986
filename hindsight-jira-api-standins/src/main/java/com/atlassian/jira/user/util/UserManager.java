package com.atlassian.jira.user.util;

import com.atlassian.jira.user.ApplicationUser;

/** Stand-in (jira-api). */
public interface UserManager {
    ApplicationUser getUserByName(String userName);
}
