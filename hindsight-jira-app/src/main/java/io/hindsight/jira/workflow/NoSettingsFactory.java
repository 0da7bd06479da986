package io.hindsight.jira.workflow;

import com.atlassian.jira.plugin.workflow.WorkflowPluginFactory;
import com.opensymphony.workflow.loader.AbstractDescriptor;

import java.util.Map;

/** A workflow plugin with nothing to configure: its Velocity views get no parameters and it stores none. */
abstract class NoSettingsFactory implements WorkflowPluginFactory {
    @Override
    public Map<String, ?> getVelocityParams(String resourceName, AbstractDescriptor descriptor) {
        return Map.of();
    }

    @Override
    public Map<String, ?> getDescriptorParams(Map<String, Object> formParams) {
        return Map.of();
    }
}
