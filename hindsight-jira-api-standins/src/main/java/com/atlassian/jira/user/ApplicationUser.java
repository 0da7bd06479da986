package com.atlassian.jira.user;

/** Stand-in (jira-api). */
public interface ApplicationUser {
    String getKey();

    String getUsername();

    String getDisplayName();

    boolean isActive();
}
