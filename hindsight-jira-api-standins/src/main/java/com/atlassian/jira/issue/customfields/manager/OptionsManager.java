package com.atlassian.jira.issue.customfields.manager;

import com.atlassian.jira.issue.customfields.option.Options;
import com.atlassian.jira.issue.fields.config.FieldConfig;

/** Stand-in (jira-api). */
public interface OptionsManager {
    Options getOptions(FieldConfig fieldConfig);
}
