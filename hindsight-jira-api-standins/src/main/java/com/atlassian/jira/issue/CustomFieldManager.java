package com.atlassian.jira.issue;

import com.atlassian.jira.issue.fields.CustomField;

import java.util.Collection;

/** Stand-in (jira-api). */
public interface CustomFieldManager {
    Collection<CustomField> getCustomFieldObjectsByName(String customFieldName);
}
