package io.hindsight.jira.workflow;

import com.atlassian.jira.plugin.workflow.WorkflowPluginFunctionFactory;
import com.opensymphony.workflow.loader.AbstractDescriptor;

import java.util.Map;

/** Configures the "queue a Hindsight sync" post-function; it has no settings of its own. */
public class QueueSyncFunctionFactory implements WorkflowPluginFunctionFactory {
    @Override
    public Map<String, ?> getVelocityParams(String resourceName, AbstractDescriptor descriptor) {
        return Map.of();
    }

    @Override
    public Map<String, ?> getDescriptorParams(Map<String, Object> formParams) {
        return Map.of();
    }
}
