package com.atlassian.jira.issue.customfields;

/** Stand-in (jira-api). */
public interface CustomFieldSearcher {
}
