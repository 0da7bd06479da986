package com.atlassian.jira.issue.customfields.option;

/** Stand-in (jira-api): the value of a select-list field. */
public interface Option {
    Long getOptionId();

    String getValue();
}
