package io.hindsight.jira.workflow;

import com.atlassian.jira.plugin.workflow.WorkflowPluginValidatorFactory;

/** Configures the review gate in the workflow editor; it has no settings of its own. */
public class CheckerValidatorFactory extends NoSettingsFactory implements WorkflowPluginValidatorFactory {
}
