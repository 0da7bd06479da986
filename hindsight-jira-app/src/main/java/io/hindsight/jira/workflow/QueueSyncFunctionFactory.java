package io.hindsight.jira.workflow;

import com.atlassian.jira.plugin.workflow.WorkflowPluginFunctionFactory;

/** Configures the "queue a Hindsight sync" post-function; it has no settings of its own. */
public class QueueSyncFunctionFactory extends NoSettingsFactory implements WorkflowPluginFunctionFactory {
}
