package com.atlassian.jira.plugin.workflow;

/** Stand-in (jira-api). */
public interface WorkflowPluginValidatorFactory extends WorkflowPluginFactory {
}
