package com.atlassian.jira.issue;

import com.atlassian.jira.issue.context.JiraContextNode;
import com.atlassian.jira.issue.customfields.CustomFieldSearcher;
import com.atlassian.jira.issue.customfields.CustomFieldType;
import com.atlassian.jira.issue.fields.CustomField;
import com.atlassian.jira.issue.issuetype.IssueType;
import org.ofbiz.core.entity.GenericEntityException;

import java.util.Collection;
import java.util.List;

/** Stand-in (jira-api). */
public interface CustomFieldManager {
    Collection<CustomField> getCustomFieldObjectsByName(String customFieldName);

    CustomFieldType getCustomFieldType(String key);

    CustomFieldSearcher getCustomFieldSearcher(String key);

    CustomField createCustomField(String fieldName, String description, CustomFieldType fieldType, CustomFieldSearcher customFieldSearcher,
                                  List<JiraContextNode> contexts, List<IssueType> issueTypes) throws GenericEntityException;
}
