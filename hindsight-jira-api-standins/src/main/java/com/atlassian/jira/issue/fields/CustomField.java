package com.atlassian.jira.issue.fields;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.fields.config.FieldConfig;
import com.atlassian.jira.issue.fields.config.FieldConfigScheme;

import java.util.List;

/** Stand-in (jira-api). */
public interface CustomField {
    /** "customfield_10010". */
    String getId();

    String getName();

    CustomFieldType getCustomFieldType();

    /** The field's configuration (its options, for a select list) in the issue's context. */
    FieldConfig getRelevantConfig(Issue issue);

    /** The field's contexts (configuration schemes). */
    List<FieldConfigScheme> getConfigurationSchemes();
}
