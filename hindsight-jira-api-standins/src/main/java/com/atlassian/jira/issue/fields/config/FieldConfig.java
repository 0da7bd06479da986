package com.atlassian.jira.issue.fields.config;

/** Stand-in (jira-api). */
public interface FieldConfig {
    Long getId();
}
