package com.atlassian.jira.issue.customfields;

/** Stand-in (jira-api): generic in the real API as here. */
public interface CustomFieldType<T, S> {
    String getKey();
}
