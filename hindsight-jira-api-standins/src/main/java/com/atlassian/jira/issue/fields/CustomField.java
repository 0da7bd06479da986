package com.atlassian.jira.issue.fields;

/** Stand-in (jira-api). */
public interface CustomField {
    String getId();

    String getName();
}
