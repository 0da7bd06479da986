package com.atlassian.jira.issue.fields.config;

/** Stand-in (jira-api): a custom field context, a set of field configurations tied to projects and issue types. */
public interface FieldConfigScheme {
    String getName();

    /** The one and only config of this scheme; null if it has none or more than one. */
    FieldConfig getOneAndOnlyConfig();
}
