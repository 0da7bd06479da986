package com.atlassian.jira.entity.property;

/** Stand-in (jira-api): one stored entity property; its value is JSON text. */
public interface EntityProperty {
    String getKey();

    String getValue();
}
