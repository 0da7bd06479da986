package com.atlassian.jira.issue.fields.screen;

/** Stand-in (jira-api). */
public interface FieldScreenTab {
    String getName();

    void addFieldScreenLayoutItem(String fieldId);
}
