package com.atlassian.jira.issue.customfields.manager;

import com.atlassian.jira.issue.customfields.option.Option;
import com.atlassian.jira.issue.customfields.option.Options;
import com.atlassian.jira.issue.fields.config.FieldConfig;

/** Stand-in (jira-api, {@code @PublicApi}): manages option values for fields (select lists). */
public interface OptionsManager {
    Options getOptions(FieldConfig fieldConfig);

    Option createOption(FieldConfig fieldConfig, Long parentOptionId, Long sequence, String value);
}
